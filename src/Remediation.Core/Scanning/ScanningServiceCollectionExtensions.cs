using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Scanning.Brands;
using Remediation.Core.Scanning.Classification;
using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

public static class ScanningServiceCollectionExtensions
{
    /// <summary>
    /// The scan engine with every rule and the tenant's detection settings. Provenance and impersonation rules read
    /// <see cref="TenantOptions"/> (tenant id, accepted domains), which the host binds.
    /// </summary>
    public static IServiceCollection AddScanEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DetectionOptions>().Bind(configuration.GetSection(DetectionOptions.Section));
        services.AddSingleton<ProtectedIdentities>();
        services.AddSingleton<BrandCatalogue>();
        services.AddSingleton(_ => SpamModel.Shipped);

        // Provenance: neutral evidence that only adds to content.
        services.AddSingleton<IScanRule, TransportBypassRule>();
        services.AddSingleton<IScanRule, ForgedTransportStampRule>();
        services.AddSingleton<IScanRule, SpoofedSenderRule>();
        services.AddSingleton<IScanRule, DraftOutsideDraftsRule>();
        services.AddSingleton<IScanRule, NoReceivedHopsRule>();
        services.AddSingleton<IScanRule, SenderIsSoleRecipientRule>();
        services.AddSingleton<IScanRule, InitialTenantDomainSenderRule>();
        services.AddSingleton<IScanRule, HelpDeskLureRule>();
        services.AddSingleton<IScanRule, RecipientInSubjectRule>();

        // Sender and headers.
        services.AddSingleton<IScanRule, BlockedSenderDomainRule>();
        services.AddSingleton<IScanRule, DisplayNameImpersonationRule>();
        services.AddSingleton<IScanRule, BrandImpersonationRule>();
        services.AddSingleton<IScanRule, LookalikeSenderDomainRule>();
        services.AddSingleton<IScanRule, ReplyToDivertedRule>();
        services.AddSingleton<IScanRule, ReplyWithoutThreadRule>();
        services.AddSingleton<IScanRule, ForgedOutlookClientRule>();
        services.AddSingleton<IScanRule, MalformedFromRule>();

        // Links.
        services.AddSingleton<IScanRule, BlockedUrlDomainRule>();
        services.AddSingleton<IScanRule, LinkTextMismatchRule>();
        services.AddSingleton<IScanRule, IpAddressLinkRule>();
        services.AddSingleton<IScanRule, DataUriLinkRule>();
        services.AddSingleton<IScanRule, FileUrlLinkRule>();
        services.AddSingleton<IScanRule, UrlShortenerRule>();
        services.AddSingleton<IScanRule, FreeHostingLinkRule>();
        services.AddSingleton<IScanRule, OpenRedirectLinkRule>();
        services.AddSingleton<IScanRule, LookalikeLinkDomainRule>();
        services.AddSingleton<IScanRule, CredentialLureRule>();
        services.AddSingleton<IScanRule, PaymentLureRule>();
        services.AddSingleton<IScanRule, DeliveryLureRule>();
        services.AddSingleton<IScanRule, PrizeLureRule>();
        services.AddSingleton<IScanRule, CryptoLureRule>();
        services.AddSingleton<IScanRule, PaymentFraudRule>();
        services.AddSingleton<IScanRule, CallbackLureRule>();
        services.AddSingleton<IScanRule, ExtortionRule>();
        services.AddSingleton<IScanRule, FakeExchangeLoginRule>();
        services.AddSingleton<IScanRule, SpamOfferRule>();
        services.AddSingleton<IScanRule, CrimewareOfferRule>();
        services.AddSingleton<IScanRule, OfferWithoutUnsubscribeRule>();
        services.AddSingleton<IScanRule, LegalThreatLureRule>();

        // Attachments.
        services.AddSingleton<IScanRule, EicarTestFileRule>();
        services.AddSingleton<IScanRule, BlockedAttachmentHashRule>();
        services.AddSingleton<IScanRule, ExecutableAttachmentRule>();
        services.AddSingleton<IScanRule, DoubleExtensionRule>();
        services.AddSingleton<IScanRule, ArchiveWithExecutableRule>();
        services.AddSingleton<IScanRule, EncryptedArchiveRule>();
        services.AddSingleton<IScanRule, LockedPdfWithPasswordRule>();
        services.AddSingleton<IScanRule, OfficeMacroRule>();
        services.AddSingleton<IScanRule, HtmlSmugglingRule>();
        services.AddSingleton<IScanRule, HtmlLoginFormAttachmentRule>();

        // Content and memory.
        services.AddSingleton<IScanRule, AdvanceFeeFraudRule>();
        services.AddSingleton<IScanRule, SpamDisclaimerRule>();
        services.AddSingleton<IScanRule, FakeSafetyBannerRule>();
        services.AddSingleton<IScanRule, DisguisedTextRule>();
        services.AddSingleton<IScanRule, ContentOutOfViewRule>();
        services.AddSingleton<IScanRule, ImageOnlyBodyRule>();
        services.AddSingleton<IScanRule, ImageOnFreeHostRule>();
        services.AddSingleton<IScanRule, BorrowedHostsOnlyRule>();
        services.AddSingleton<IScanRule, SpamClassifierRule>();
        services.AddSingleton<IScanRule, KnownCampaignRule>();
        services.AddSingleton<IScanRule, HuntedIndicatorRule>();

        services.AddSingleton<ScanEngine>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Core.Audit;
using Remediation.Core.Breakers;
using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Intake;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;
using Remediation.Infrastructure.Graph;
using Remediation.Infrastructure.Storage;

namespace Remediation.Infrastructure;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts (the Functions app and the local host) need to run the stages. A <see cref="TokenCredential"/>,
    /// <see cref="IPipelineTelemetry"/>, <see cref="TimeProvider"/>, <see cref="IHourlyBudget"/> or <see cref="IHuntStore"/>
    /// registered before this call replaces the default.
    /// </summary>
    public static IServiceCollection AddRemediationPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TenantOptions>().Bind(configuration.GetSection(TenantOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.AddOptions<RemediationOptions>().Bind(configuration.GetSection(RemediationOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<SubscriptionOptions>().Bind(configuration.GetSection(SubscriptionOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<CompromiseOptions>().Bind(configuration.GetSection(CompromiseOptions.Section));
        services.AddOptions<HuntOptions>().Bind(configuration.GetSection(HuntOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => GraphCredentialFactory.Create(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetRequiredService<IOptions<TenantOptions>>().Value));
        services.AddSingleton(sp => GraphClientBuilder.Build(
            sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton<IMailboxGateway, GraphMailboxGateway>();
        services.AddSingleton<ISubscriptionGateway, GraphSubscriptionGateway>();
        services.AddSingleton(_ => StorageClients.CreateQueueService(configuration));
        services.AddSingleton(_ => StorageClients.CreateTableService(configuration));
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<IVerdictStore, TableVerdictStore>();
        services.AddSingleton<ISubscriptionRegistry, TableSubscriptionRegistry>();
        services.AddSingleton<ICampaignStore, TableCampaignStore>();
        services.AddSingleton<IMessageIndex, TableMessageIndex>();
        services.TryAddSingleton<IHuntStore, TableHuntStore>();
        services.AddSingleton<IAuditTrail, TableAuditTrail>();
        services.AddSingleton<IHiddenFolderIds, TableHiddenFolderIds>();
        services.AddSingleton<ICompromiseLedger, TableCompromiseLedger>();
        services.AddSingleton<IAccountGateway, GraphAccountGateway>();
        services.TryAddSingleton<IHourlyBudget, TableHourlyBudget>();
        services.AddSingleton<CircuitBreaker>();
        services.TryAddSingleton<IPipelineTelemetry, LoggingPipelineTelemetry>();

        services.AddScanEngine(configuration);

        services.AddSingleton<NotificationIntake>();
        services.AddSingleton<KnownSubscriptions>();
        services.AddSingleton<MessageScanner>();
        services.AddSingleton<MessageAuthorship>();
        services.AddSingleton<CampaignResolver>();
        services.AddSingleton<MailboxRemediator>();
        services.AddSingleton<RemediationUndo>();
        services.AddSingleton<AccountCompromiseDetector>();
        services.AddSingleton<SessionRevoker>();
        services.AddSingleton<PoisonQueueMonitor>();
        services.AddSingleton<SubscriptionKeeper>();
        services.AddSingleton<MailboxResync>();
        services.AddSingleton<MailboxReconciliation>();
        services.AddSingleton<SubscriptionEventHandler>();
        services.AddSingleton<HuntRunner>();
        services.AddSingleton<HuntControl>();
        services.AddSingleton<HuntTriggers>();
        services.AddHostedService<HuntTriggersAtStart>();
        return services;
    }
}

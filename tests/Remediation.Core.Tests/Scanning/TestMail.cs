using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning;

/// <summary>Test messages from TestData/&lt;kind&gt;/ and the tenant they are addressed to.</summary>
internal static class TestMail
{
    public const string TenantId = "6c1d4a2e-93f0-4c1b-9f57-0a3e8d2b7c11";
    public const string Domain = "contoso.example";

    public static MimeMessage Load(string kind, string name) =>
        MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "TestData", kind, name));

    public static MimeMessage Parse(string mime) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mime)));

    /// <summary>What rules see, with the tenant's provenance judged.</summary>
    public static ScannedMessage Read(MimeMessage mime, ScanInput? input = null) =>
        ScannedMessage.Read(input ?? new ScanInput(mime), new ScanLimits(), TenantId);

    public static ScannedMessage Read(string kind, string name) => Read(Load(kind, name));

    /// <summary>A plain-text message with this subject and body, for rules that read only the words.</summary>
    public static ScannedMessage FromText(string subject, string body)
    {
        var mime = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        mime.From.Add(MailboxAddress.Parse("sender@partner.example"));
        mime.To.Add(MailboxAddress.Parse($"alice@{Domain}"));
        return Read(mime);
    }

    /// <summary>The tenant's organisation plus Microsoft as a protected brand.</summary>
    public static ProtectedIdentities Identities() => new(
        Options.Create(new TenantOptions { TenantId = TenantId, AcceptedDomains = [Domain] }),
        Options.Create(new DetectionOptions { ProtectedBrands = new() { ["Microsoft"] = ["microsoft.com"] } }));

    /// <summary>The engine as the pipeline registers it, for this tenant.</summary>
    public static ScanEngine Engine(Action<DetectionOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.Configure<TenantOptions>(t =>
        {
            t.TenantId = TenantId;
            t.AcceptedDomains = [Domain];
        });
        services.AddScanEngine(new ConfigurationBuilder().Build());
        if (configure is not null) services.Configure(configure);
        return services.BuildServiceProvider().GetRequiredService<ScanEngine>();
    }
}

using System.Text.Json;
using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning.ModernHam;

/// <summary>
/// The hand-written set of modern legitimate mail in TestData/ModernHam/&lt;language&gt;/, and the engine as a tenant
/// that protects the brands the set names (TestData/ModernHam/detection.settings.json) would run it.
/// </summary>
internal static class ModernHamSet
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "ModernHam");

    private static readonly Lazy<ScanEngine> SharedEngine = new(() =>
    {
        var settings = JsonSerializer.Deserialize<SettingsFile>(File.ReadAllText(Path.Combine(Folder, "detection.settings.json")))!;
        return TestMail.Engine(o => o.ProtectedBrands = settings.Detection.ProtectedBrands);
    });

    public static ScanEngine Engine => SharedEngine.Value;

    /// <summary>Every message as "language/name.eml".</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(Folder, "*.eml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public static string LanguageOf(string name) => name[..name.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The message in the form it would be scanned in, with what the store would say about it.</summary>
    public static ScanInput Input(string name, HamForm form)
    {
        var migrated = MimeMessage.Load(Path.Combine(Folder, name));
        // Transport stamps the arrival a minute after the sender's Date; the store files it seconds later.
        var arrival = migrated.Date.AddMinutes(1);
        if (form == HamForm.Migrated) return new ScanInput(migrated) { ReceivedAt = arrival.AddSeconds(5) };
        var sender = migrated.From.Mailboxes.First().Domain;
        var stamped = TransportStamps.Stamp(migrated, TestMail.TenantId, arrival, authenticatedDomain: sender, senderCheckFailed: form == HamForm.Rewritten);
        return new ScanInput(stamped) { ReceivedAt = arrival.AddSeconds(5) };
    }

    private sealed record SettingsFile(DetectionOptions Detection);
}

/// <summary>How a legitimate message reaches the mailbox.</summary>
public enum HamForm
{
    /// <summary>Through this tenant's Exchange Online transport, with its stamps and passing authentication.</summary>
    Delivered,

    /// <summary>Placed in the mailbox without transport, as a migration or the user's own IMAP client does.</summary>
    Migrated,

    /// <summary>
    /// Through this tenant's transport after a mailing list or a forwarder rewrote it: the sender's domain fails its
    /// checks, as a spoof's does.
    /// </summary>
    Rewritten,
}

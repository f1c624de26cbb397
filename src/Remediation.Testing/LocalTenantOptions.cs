using Microsoft.Extensions.DependencyInjection;
using Remediation.TenantSimulator;

namespace Remediation.Testing;

public sealed class LocalTenantOptions
{
    public string Domain { get; init; } = "contoso.example";

    /// <summary>User names (the part before the @) and display names of the tenant's mailboxes.</summary>
    public IReadOnlyList<(string UserName, string DisplayName)> Mailboxes { get; init; } = [];

    /// <summary>Shapes the directory once the mailboxes exist and before the pipeline subscribes: aliases, lists, guests.</summary>
    public Action<SimulatedTenant>? ConfigureTenant { get; init; }

    /// <summary>Pipeline settings (Function App keys, e.g. <c>Detection:BlockedUrlDomains:0</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The simulator's settings (faults, throttling, latency); its tenant domain should match <see cref="Domain"/>.</summary>
    public SimulatorOptions? Simulator { get; init; }

    /// <summary>Storage on disk, so the emulator can be stopped and restarted mid-run without losing queued work.</summary>
    public bool PersistentStorage { get; init; }

    /// <summary>Azurite logs every call, so a run can count them (<see cref="LocalHost.AzuriteProcess.StorageCallsByKindAsync"/>); it slows the emulator.</summary>
    public bool LogStorageCalls { get; init; }

    /// <summary>One clock for the simulator and the pipeline, so tests can move time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Pipeline hosts on the one storage account and tenant, as Azure Functions scales out instances: each runs every
    /// queue stage; the first also answers the webhook and runs the timers, which Functions runs on one instance.
    /// </summary>
    public int Instances { get; init; } = 1;

    /// <summary>Replacements in the pipeline's services (e.g. recording telemetry), registered before its defaults.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

using Remediation.LocalHost;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>A fresh in-memory Azurite on free ports for one test class; stopped when the class is done.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}

using Microsoft.Graph;
using Remediation.Core.Compromise;
using Remediation.Infrastructure.Graph;
using Remediation.LocalHost;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>The account gateway over the real Graph client, against the tenant simulator.</summary>
public sealed class GraphAccountGatewayTests : AccountGatewayContract, IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private GraphSimulator _simulator = null!;
    private GraphServiceClient _graph = null!;
    private GraphAccountGateway _accounts = null!;

    protected override IAccountGateway Accounts => _accounts;

    protected override IReadOnlyList<string> RevokedSignInSessions => _simulator.Tenant.RevokedSignInSessions;

    public async Task InitializeAsync()
    {
        _simulator = await GraphSimulator.StartAsync(new SimulatorOptions { TenantDomain = Domain });
        _graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = _simulator.GraphBaseUrl }, new StaticTokenCredential(new SimulatorOptions().AccessToken));
        _accounts = new GraphAccountGateway(_graph);
    }

    public async Task DisposeAsync()
    {
        _graph.Dispose();
        await _simulator.DisposeAsync();
    }

    protected override string AddUser(string name) => _simulator.Tenant.AddMailbox($"{name}@{Domain}", name).Id;

    protected override string AddSharedMailbox(string name) => _simulator.Tenant.AddSharedMailbox($"{name}@{Domain}", name).Id;

    protected override void FailSignInSessionRevocations(int count) => _simulator.Tenant.FailSignInSessionRevocations(count);
}

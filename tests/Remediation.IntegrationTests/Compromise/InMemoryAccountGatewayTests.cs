using Remediation.Core.Compromise;

namespace Remediation.IntegrationTests.Compromise;

public sealed class InMemoryAccountGatewayTests : AccountGatewayContract
{
    private readonly InMemoryAccountGateway _accounts = new();

    protected override IAccountGateway Accounts => _accounts;

    protected override IReadOnlyList<string> RevokedSignInSessions => _accounts.RevokedSignInSessions;

    protected override string AddUser(string name)
    {
        var id = Guid.NewGuid().ToString();
        _accounts.AddUser(id);
        return id;
    }

    protected override string AddSharedMailbox(string name)
    {
        var id = Guid.NewGuid().ToString();
        _accounts.AddUser(id, canSignIn: false);
        return id;
    }

    protected override void FailSignInSessionRevocations(int count) => _accounts.FailSignInSessionRevocations(count);
}

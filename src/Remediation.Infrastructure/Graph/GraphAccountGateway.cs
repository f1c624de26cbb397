using Microsoft.Graph;
using Remediation.Core.Compromise;

namespace Remediation.Infrastructure.Graph;

/// <summary>The account port over Microsoft Graph.</summary>
public sealed class GraphAccountGateway(GraphServiceClient graph) : IAccountGateway
{
    public Task RevokeSignInSessionsAsync(string userId, CancellationToken cancellationToken) =>
        graph.Users[userId].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(cancellationToken: cancellationToken);
}

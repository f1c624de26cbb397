using Microsoft.Graph;
using Remediation.Core.Compromise;

namespace Remediation.Infrastructure.Graph;

/// <summary>The account port over Microsoft Graph.</summary>
public sealed class GraphAccountGateway(GraphServiceClient graph) : IAccountGateway
{
    // accountEnabled comes only when selected; User.Read.All reads it.
    public async Task<bool> CanSignInAsync(string userId, CancellationToken cancellationToken) =>
        (await graph.Users[userId].GetAsync(r => r.QueryParameters.Select = ["accountEnabled"], cancellationToken))?.AccountEnabled != false;

    public Task RevokeSignInSessionsAsync(string userId, CancellationToken cancellationToken) =>
        graph.Users[userId].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(cancellationToken: cancellationToken);
}

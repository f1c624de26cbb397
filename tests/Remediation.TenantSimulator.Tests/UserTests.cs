using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class UserTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task ListUsers_WithTopAndSelect_PageIteratorFollowsNextLinksThroughEveryUser()
    {
        for (var i = 0; i < 3; i++)
        {
            sut.Tenant.AddMailbox($"user{i}@contoso.example", $"User {i}");
        }

        var firstPage = await sut.Graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Top = 2;
            r.QueryParameters.Select = ["id", "userPrincipalName"];
        });
        var seen = new List<User>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(sut.Graph, firstPage!, user =>
        {
            seen.Add(user);
            return true;
        });
        await iterator.IterateAsync();

        Assert.StartsWith(sut.Simulator.GraphBaseUrl, firstPage!.OdataNextLink);
        Assert.Equal(sut.Tenant.Mailboxes.Select(m => m.UserPrincipalName).Order(), seen.Select(u => u.UserPrincipalName).Order());
        Assert.All(seen, u => Assert.Null(u.DisplayName));
    }

    [Fact]
    public async Task GetUser_ByUpnOrById_ReturnsTheSameUser()
    {
        var byUpn = await sut.Graph.Users[sut.Adele.UserPrincipalName].GetAsync();
        var byId = await sut.Graph.Users[sut.Adele.Id].GetAsync();

        Assert.Equal(sut.Adele.Id, byUpn!.Id);
        Assert.Equal(sut.Adele.Id, byId!.Id);
        Assert.Equal("Adele Vance", byUpn.DisplayName);
        Assert.Equal(sut.Adele.UserPrincipalName, byId.Mail);
    }

    [Fact]
    public async Task GetUser_Unknown_Returns404()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users["nobody@contoso.example"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task RevokeSignInSessions_TwoUsers_ReturnsTrueAndRecordsUserIdsInCallOrder()
    {
        var first = await sut.Graph.Users[sut.Alex.UserPrincipalName].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync();
        await sut.Graph.Users[sut.Adele.Id].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync();

        Assert.True(first!.Value);
        Assert.Equal([sut.Alex.Id, sut.Adele.Id], sut.Tenant.RevokedSignInSessions);
    }
}

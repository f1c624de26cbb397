using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task GetUsers_WithoutToken_Returns401InvalidAuthenticationToken()
    {
        using var anonymous = GraphClients.CreateAnonymous(sut.Simulator);

        var error = await Assert.ThrowsAsync<ODataError>(() => anonymous.Users.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error?.Code);
    }

    [Fact]
    public async Task GetUsers_WithUnknownToken_Returns401()
    {
        using var client = GraphClients.Create(sut.Simulator, token: "forged-token");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_ClientCredentials_IssuesTokenThatGraphAccepts()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = sut.Options.ClientId,
            ["client_secret"] = sut.Options.ClientSecret,
            ["scope"] = "https://graph.microsoft.com/.default",
        });

        using var response = await http.PostAsync(sut.Simulator.TokenEndpoint, form);
        var token = await response.Content.ReadFromJsonAsync<JsonObject>();
        using var client = GraphClients.Create(sut.Simulator, token: (string)token!["access_token"]!);
        var users = await client.Users.GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.True((int)token["expires_in"]! > 0);
        Assert.NotEqual(sut.Options.AccessToken, (string?)token["access_token"]);
        Assert.Equal(2, users!.Value!.Count);
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_Returns401InvalidClient()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = sut.Options.ClientId,
            ["client_secret"] = "wrong",
        });

        using var response = await http.PostAsync(sut.Simulator.TokenEndpoint, form);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)error!["error"]);
    }

    [Fact]
    public async Task AzureIdentityAuthenticationProvider_LoopbackAllowed_SendsTheIssuedToken()
    {
        var credential = new SimulatorClientSecretCredential(sut.Simulator.TokenEndpoint, sut.Options.ClientId, sut.Options.ClientSecret);
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, [sut.Simulator.BaseAddress.Host], observabilityOptions: null, isCaeEnabled: false, "https://graph.microsoft.com/.default");
        using var client = new GraphServiceClient(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers()), authentication, sut.Simulator.GraphBaseUrl);

        var users = await client.Users.GetAsync();

        Assert.Equal(2, users!.Value!.Count);
    }

    [Fact]
    public async Task AzureIdentityAuthenticationProvider_DefaultAllowedHosts_SendsNoTokenSoGraphAnswers401()
    {
        var credential = new SimulatorClientSecretCredential(sut.Simulator.TokenEndpoint, sut.Options.ClientId, sut.Options.ClientSecret);
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: null, observabilityOptions: null, isCaeEnabled: false, "https://graph.microsoft.com/.default");
        using var client = new GraphServiceClient(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers()), authentication, sut.Simulator.GraphBaseUrl);

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
    }
}

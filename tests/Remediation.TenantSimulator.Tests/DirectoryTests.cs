using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

/// <summary>
/// Recipients that are not user principal names, as Graph shows them: aliases and a primary SMTP address in
/// <c>proxyAddresses</c> (https://learn.microsoft.com/graph/api/resources/user), groups and their transitive members
/// (https://learn.microsoft.com/graph/api/group-list-transitivemembers), mail contacts
/// (https://learn.microsoft.com/graph/api/resources/orgcontact).
/// </summary>
public sealed class DirectoryTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task FilterUsers_ByAliasOrPrimarySmtpAddressInAnyCase_FindsTheUserWithEveryProxyAddress()
    {
        sut.Tenant.AddAlias(sut.Adele.UserPrincipalName, $"helpdesk@{Domain}");
        sut.Tenant.SetPrimarySmtpAddress(sut.Alex.Id, $"alex.w@{Domain}");

        var byAlias = await FindUsersAsync($"proxyAddresses/any(x:x eq 'smtp:HelpDesk@{Domain}')");
        var byPrimaryAsAlias = await FindUsersAsync($"proxyAddresses/any(p:p eq 'smtp:alex.w@{Domain}')");
        var byMail = await FindUsersAsync($"mail eq 'ALEX.W@{Domain}'");
        var byFormerPrimary = await FindUsersAsync($"proxyAddresses/any(x:x eq 'smtp:{sut.Alex.UserPrincipalName}')");

        Assert.Equal(sut.Adele.Id, Assert.Single(byAlias).Id);
        Assert.Equal([$"SMTP:{sut.Adele.UserPrincipalName}", $"smtp:helpdesk@{Domain}"], byAlias[0].ProxyAddresses);
        Assert.Equal(sut.Alex.Id, Assert.Single(byPrimaryAsAlias).Id);
        Assert.Equal(sut.Alex.Id, Assert.Single(byMail).Id);
        Assert.Equal($"alex.w@{Domain}", byMail[0].Mail);
        Assert.Equal(sut.Alex.UserPrincipalName, byMail[0].UserPrincipalName);
        Assert.Equal([$"SMTP:alex.w@{Domain}", $"smtp:{sut.Alex.UserPrincipalName}"], byMail[0].ProxyAddresses);
        Assert.Equal(sut.Alex.Id, Assert.Single(byFormerPrimary).Id);
        Assert.Empty(await FindUsersAsync($"proxyAddresses/any(x:x eq 'smtp:nobody@{Domain}')"));
        Assert.Empty(await FindUsersAsync($"mail eq '{sut.Alex.UserPrincipalName}'"));
        Assert.Empty(await FindUsersAsync($"proxyAddresses/any(x:x eq '{sut.Adele.UserPrincipalName}')"));
    }

    [Fact]
    public async Task GetUser_ByAliasOrPrimarySmtpAddress_Returns404AsOnlyIdAndUpnResolve()
    {
        sut.Tenant.AddAlias(sut.Adele.Id, $"helpdesk@{Domain}");
        sut.Tenant.SetPrimarySmtpAddress(sut.Alex.Id, $"alex.w@{Domain}");

        var alias = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[$"helpdesk@{Domain}"].GetAsync());
        var primary = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[$"alex.w@{Domain}"].GetAsync());

        Assert.Equal(404, alias.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", alias.Error!.Code);
        Assert.Equal(404, primary.ResponseStatusCode);
        Assert.Equal(sut.Alex.Id, (await sut.Graph.Users[sut.Alex.UserPrincipalName].GetAsync())!.Id);
    }

    [Theory]
    [InlineData("users", "startswith(displayName,'Adele')")]
    [InlineData("users", "proxyAddresses/any(x:x ne 'smtp:a@contoso.example')")]
    [InlineData("groups", "displayName eq 'Sales'")]
    [InlineData("contacts", "mail eq unquoted")]
    public async Task ListDirectoryObjects_UnsupportedFilter_Returns400UnsupportedQuery(string collection, string filter)
    {
        using var response = await sut.Http.GetAsync($"{collection}?$filter={Uri.EscapeDataString(filter)}");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Request_UnsupportedQuery", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task FilterGroups_ByProxyAddressOrMail_FindsEachKindOfGroup()
    {
        var list = sut.Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        var unified = sut.Tenant.AddGroup($"project-falcon@{Domain}", "Project Falcon", GroupKind.Microsoft365);
        var security = sut.Tenant.AddGroup($"finance@{Domain}", "Finance", GroupKind.MailEnabledSecurity);
        sut.Tenant.AddAlias(list.Id, $"everyone@{Domain}");

        var byAlias = await sut.Graph.Groups.GetAsync(r => r.QueryParameters.Filter = $"proxyAddresses/any(x:x eq 'smtp:EVERYONE@{Domain}')");
        var byMail = await sut.Graph.Groups.GetAsync(r => r.QueryParameters.Filter = $"mail eq 'project-falcon@{Domain}'");
        var secure = await sut.Graph.Groups[security.Id].GetAsync();

        var found = Assert.Single(byAlias!.Value!);
        Assert.Equal(list.Id, found.Id);
        Assert.Equal([$"SMTP:all-staff@{Domain}", $"smtp:everyone@{Domain}"], found.ProxyAddresses);
        Assert.Equal((true, false), (found.MailEnabled, found.SecurityEnabled));
        Assert.Empty(found.GroupTypes!);
        var falcon = Assert.Single(byMail!.Value!);
        Assert.Equal(unified.Id, falcon.Id);
        Assert.Equal(["Unified"], falcon.GroupTypes);
        Assert.Equal((true, true), (secure!.MailEnabled, secure.SecurityEnabled));
        Assert.Empty((await sut.Graph.Users.GetAsync(r => r.QueryParameters.Filter = $"mail eq 'all-staff@{Domain}'"))!.Value!);
    }

    [Fact]
    public async Task TransitiveMembers_NestedGroupsInPages_ReturnsEveryUserOnceWithAdvancedQueryParameters()
    {
        var carol = sut.Tenant.AddMailbox($"carol@{Domain}", "Carol");
        var dan = sut.Tenant.AddMailbox($"dan@{Domain}", "Dan");
        var list = sut.Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        var sales = sut.Tenant.AddGroup($"sales@{Domain}", "Sales", GroupKind.MailEnabledSecurity);
        var emea = sut.Tenant.AddGroup($"sales-emea@{Domain}", "Sales EMEA");
        sut.Tenant.AddMember(list, sut.Adele);
        sut.Tenant.AddMember(list, sut.Tenant.AddContact("partner@fabrikam.example", "Partner"));
        sut.Tenant.AddMember(list, sales);
        sut.Tenant.AddMember(sales, sut.Alex);
        sut.Tenant.AddMember(sales, sut.Adele);
        sut.Tenant.AddMember(sales, emea);
        sut.Tenant.AddMember(emea, carol);
        sut.Tenant.AddMember(emea, dan);

        static RequestInformation Advanced(RequestInformation request)
        {
            request.Headers.Add("ConsistencyLevel", "eventual");
            return request;
        }

        var firstPage = await sut.Graph.Groups[list.Id].TransitiveMembers.GraphUser.GetAsync(r =>
        {
            r.QueryParameters.Top = 3;
            r.QueryParameters.Select = ["id", "mail"];
            r.QueryParameters.Count = true;
            r.Headers.Add("ConsistencyLevel", "eventual");
        });
        var seen = new List<User>();
        var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(sut.Graph, firstPage!, user =>
        {
            seen.Add(user);
            return true;
        }, Advanced);
        await pages.IterateAsync();

        Assert.StartsWith(sut.Simulator.GraphBaseUrl, firstPage!.OdataNextLink);
        Assert.Equal(3, firstPage.Value!.Count);
        Assert.Equal(4, firstPage.OdataCount);
        Assert.Equal(new[] { sut.Adele.Id, sut.Alex.Id, carol.Id, dan.Id }.Order(), seen.Select(u => u.Id).Order());
        Assert.Contains(seen, u => u.Mail == carol.Mail);
        Assert.All(seen, u => Assert.Null(u.DisplayName));
    }

    [Fact]
    public async Task TransitiveMembers_CastWithoutConsistencyLevel_Returns400UnsupportedQuery()
    {
        var list = sut.Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        sut.Tenant.AddMember(list, sut.Adele);

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Groups[list.Id].TransitiveMembers.GraphUser.GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Request_UnsupportedQuery", error.Error!.Code);
    }

    [Fact]
    public void AddMember_GroupIntoMicrosoft365Group_IsRefusedAsGraphAllowsOnlyUsersThere()
    {
        var unified = sut.Tenant.AddGroup($"project-falcon@{Domain}", "Project Falcon", GroupKind.Microsoft365);
        var list = sut.Tenant.AddGroup($"all-staff@{Domain}", "All staff");

        Assert.Throws<InvalidOperationException>(() => sut.Tenant.AddMember(unified, list));
        Assert.Throws<InvalidOperationException>(() => sut.Tenant.AddAlias(list.Id, sut.Adele.UserPrincipalName));
    }

    [Fact]
    public async Task FilterContacts_ByExternalAddressOrTenantAlias_FindsTheContactAndNoUser()
    {
        var contact = sut.Tenant.AddContact("ops@fabrikam.example", "Fabrikam operations");
        sut.Tenant.AddAlias(contact.Id, $"fabrikam-ops@{Domain}");

        var byMail = await sut.Graph.Contacts.GetAsync(r => r.QueryParameters.Filter = "mail eq 'OPS@fabrikam.example'");
        var byAlias = await sut.Graph.Contacts.GetAsync(r => r.QueryParameters.Filter = $"proxyAddresses/any(x:x eq 'smtp:fabrikam-ops@{Domain}')");

        var found = Assert.Single(byMail!.Value!);
        Assert.Equal(contact.Id, found.Id);
        Assert.Equal("ops@fabrikam.example", found.Mail);
        Assert.Equal(contact.Id, Assert.Single(byAlias!.Value!).Id);
        Assert.Empty(await FindUsersAsync($"proxyAddresses/any(x:x eq 'smtp:fabrikam-ops@{Domain}')"));
    }

    [Theory]
    [InlineData(MailboxAccess.NotEnabled, 404, "MailboxNotEnabledForRESTAPI")]
    [InlineData(MailboxAccess.OutOfScope, 403, "ErrorAccessDenied")]
    public async Task SearchMessages_UserWithoutReachableMailbox_AnswersAsGraphWhileTheUserResolves(MailboxAccess access, int status, string code)
    {
        var guest = sut.Tenant.AddMailbox($"guest_fabrikam.example#EXT#@{Domain}", "A guest", access);

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[guest.Id].Messages.GetAsync(r =>
            r.QueryParameters.Filter = "internetMessageId eq '<a@b.example>'"));

        Assert.Equal(status, error.ResponseStatusCode);
        Assert.Equal(code, error.Error!.Code);
        Assert.Equal(guest.Id, (await sut.Graph.Users[guest.Id].GetAsync())!.Id);
    }

    private async Task<List<User>> FindUsersAsync(string filter) =>
        (await sut.Graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = filter;
            r.QueryParameters.Select = ["id", "mail", "userPrincipalName", "proxyAddresses"];
        }))!.Value!;
}

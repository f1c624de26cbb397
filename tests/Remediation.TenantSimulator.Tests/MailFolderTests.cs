using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class MailFolderTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Theory]
    [InlineData("inbox", "Inbox")]
    [InlineData("junkemail", "Junk Email")]
    [InlineData("deleteditems", "Deleted Items")]
    [InlineData("recoverableitemsdeletions", "Deletions")]
    [InlineData("archive", "Archive")]
    [InlineData("drafts", "Drafts")]
    [InlineData("sentitems", "Sent Items")]
    public async Task GetFolder_WellKnownName_ReturnsThatFolder(string wellKnownName, string displayName)
    {
        var folder = await sut.Graph.Users[sut.Adele.UserPrincipalName].MailFolders[wellKnownName].GetAsync();

        Assert.Equal(displayName, folder!.DisplayName);
        Assert.Equal(sut.Adele.ResolveFolderId(wellKnownName), folder.Id);
    }

    [Fact]
    public async Task CreateFolder_Hidden_Returns201AndListsItOnlyWithIncludeHiddenFolders()
    {
        var created = await sut.Graph.Users[sut.Adele.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "Quarantine", IsHidden = true });
        var visible = await sut.Graph.Users[sut.Adele.Id].MailFolders.GetAsync();
        var all = await sut.Graph.Users[sut.Adele.Id].MailFolders.GetAsync(r => r.QueryParameters.IncludeHiddenFolders = "true");

        Assert.True(created!.IsHidden);
        Assert.DoesNotContain(visible!.Value!, f => f.Id == created.Id);
        Assert.Contains(all!.Value!, f => f.Id == created.Id && f.DisplayName == "Quarantine");
    }

    [Fact]
    public async Task CreateFolder_DuplicateName_Returns400ErrorFolderExists()
    {
        await sut.Graph.Users[sut.Adele.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "Quarantine" });

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[sut.Adele.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "quarantine" }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorFolderExists", error.Error?.Code);
    }

    [Fact]
    public async Task DeleteFolder_WithASubfolder_BothIdsStopResolvingAndTheirMessagesGoToRecoverableItems()
    {
        var project = sut.Adele.AddFolder("Projects");
        var year = sut.Adele.AddFolder("Projects/2026");
        var filed = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "filed"), "Projects/2026");

        sut.Tenant.DeleteFolder(sut.Adele.Id, "Projects");

        foreach (var gone in new[] { project, year })
        {
            var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Adele.Id].MailFolders[gone].GetAsync());
            Assert.Equal(404, error.ResponseStatusCode);
        }
        Assert.Equal(sut.Adele.ResolveFolderId("recoverableitemsdeletions"), sut.Tenant.FindMessage(sut.Adele.Id, filed.ImmutableId)!.FolderId);
        Assert.Throws<InvalidOperationException>(() => sut.Tenant.DeleteFolder(sut.Adele.Id, "inbox"));
    }

    [Fact]
    public async Task ListFolderMessages_Inbox_ReturnsOnlyThatFolder()
    {
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "in inbox"));
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "in archive"), "archive");

        var inbox = await sut.Graph.Users[sut.Adele.Id].MailFolders["inbox"].Messages.GetAsync();

        Assert.Equal(["in inbox"], inbox!.Value!.Select(m => m.Subject));
    }

    // https://learn.microsoft.com/graph/api/user-list-mailfolders: the folders directly under the root, 10 a page by
    // default with an @odata.nextLink (microsoftgraph/microsoft-graph-docs-contrib#744).
    [Fact]
    public async Task ListFolders_MoreThanOnePage_PagesTenAtATimeWithAbsoluteNextLinks()
    {
        for (var i = 0; i < 15; i++)
        {
            sut.Adele.AddFolder($"Project {i:00}");
        }

        var first = await sut.Graph.Users[sut.Adele.Id].MailFolders.GetAsync();
        var all = await AllPagesAsync(first);

        Assert.Equal(10, first!.Value!.Count);
        Assert.StartsWith(sut.Simulator.GraphBaseUrl, first.OdataNextLink);
        // Inbox, Junk Email, Deleted Items, Archive, Drafts, Sent Items, Outbox: Recoverable Items sit outside the tree.
        Assert.Equal(7 + 15, all.Count);
        Assert.Equal(all.Count, all.Select(f => f.Id).Distinct().Count());
        Assert.Contains(all, f => f.DisplayName == "Project 14");
    }

    // https://learn.microsoft.com/graph/query-parameters#top-parameter: $top sets the page size.
    [Fact]
    public async Task ListFolders_Top_ReturnsThatManyOnAPage()
    {
        for (var i = 0; i < 15; i++)
        {
            sut.Adele.AddFolder($"Project {i:00}");
        }

        var page = await sut.Graph.Users[sut.Adele.Id].MailFolders.GetAsync(r => r.QueryParameters.Top = 20);

        Assert.Equal(20, page!.Value!.Count);
        Assert.NotNull(page.OdataNextLink);
    }

    // https://learn.microsoft.com/graph/api/user-list-mailfolders lists one level only (v1.0 lists the root's direct
    // children: microsoftgraph/microsoft-graph-docs-contrib#4964); https://learn.microsoft.com/graph/api/resources/mailfolder:
    // childFolderCount is the number of immediate child folders.
    [Fact]
    public async Task ListFolders_NestedFolder_ListedOnlyUnderItsParentWhoseChildFolderCountCountsIt()
    {
        var nestedId = sut.Adele.AddFolder("Projects/2026");
        var projectsId = sut.Adele.ResolveFolderId("Projects");

        var top = await AllPagesAsync(await sut.Graph.Users[sut.Adele.Id].MailFolders.GetAsync());
        var children = await sut.Graph.Users[sut.Adele.Id].MailFolders[projectsId].ChildFolders.GetAsync();

        Assert.DoesNotContain(top, f => f.Id == nestedId);
        Assert.Equal(1, top.Single(f => f.Id == projectsId).ChildFolderCount);
        Assert.All(top.Where(f => f.Id != projectsId), f => Assert.Equal(0, f.ChildFolderCount));
        var child = Assert.Single(children!.Value!);
        Assert.Equal(nestedId, child.Id);
        Assert.Equal(projectsId, child.ParentFolderId);
    }

    // https://learn.microsoft.com/graph/api/mailfolder-post-childfolders: 201 with the new folder under the parent.
    [Fact]
    public async Task CreateChildFolder_UnderUserFolder_Returns201AndNestsIt()
    {
        var parent = await sut.Graph.Users[sut.Adele.Id].MailFolders.PostAsync(new MailFolder { DisplayName = "Clients" });

        var child = await sut.Graph.Users[sut.Adele.Id].MailFolders[parent!.Id].ChildFolders.PostAsync(new MailFolder { DisplayName = "Fabrikam" });
        var grandchild = await sut.Graph.Users[sut.Adele.Id].MailFolders[child!.Id].ChildFolders.PostAsync(new MailFolder { DisplayName = "2026" });
        var reread = await sut.Graph.Users[sut.Adele.Id].MailFolders[parent.Id].GetAsync();

        Assert.Equal(parent.Id, child.ParentFolderId);
        Assert.Equal(child.Id, grandchild!.ParentFolderId);
        Assert.Equal(1, reread!.ChildFolderCount);
        Assert.Equal(grandchild.Id, sut.Adele.ResolveFolderId("Clients/Fabrikam/2026"));
    }

    // Exchange refuses a second folder of one name under one parent (ErrorFolderExists), not under another parent.
    [Fact]
    public async Task CreateChildFolder_NameTakenUnderTheParentOnly_RefusedThereAllowedElsewhere()
    {
        var inbox = sut.Adele.ResolveFolderId("inbox");
        await sut.Graph.Users[sut.Adele.Id].MailFolders[inbox].ChildFolders.PostAsync(new MailFolder { DisplayName = "Receipts" });

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[sut.Adele.Id].MailFolders[inbox].ChildFolders.PostAsync(new MailFolder { DisplayName = "receipts" }));
        var elsewhere = await sut.Graph.Users[sut.Adele.Id].MailFolders["archive"].ChildFolders.PostAsync(new MailFolder { DisplayName = "Receipts" });

        Assert.Equal("ErrorFolderExists", error.Error?.Code);
        Assert.NotNull(elsewhere!.Id);
    }

    // https://learn.microsoft.com/graph/api/mailfolder-list-childfolders pages like the top level, 10 by default with
    // $skip in the next link (microsoftgraph/microsoft-graph-docs-contrib#9037).
    [Fact]
    public async Task ListChildFolders_MoreThanOnePage_FollowsNextLinksToEveryChild()
    {
        for (var i = 0; i < 12; i++)
        {
            sut.Adele.AddFolder($"Clients/Client {i:00}");
        }

        var clients = sut.Adele.ResolveFolderId("Clients");
        var first = await sut.Graph.Users[sut.Adele.Id].MailFolders[clients].ChildFolders.GetAsync();
        var all = await AllPagesAsync(first);

        Assert.Equal(10, first!.Value!.Count);
        Assert.Contains("skip=10", first.OdataNextLink, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(12, all.Count);
    }

    [Fact]
    public async Task ListChildFolders_UnknownFolder_Returns404()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Adele.Id].MailFolders["AAMkAGI2-no-such-folder"].ChildFolders.GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
    }

    [Fact]
    public async Task AppendAsImap_DisplayNamePath_StoresInTheNestedFolder()
    {
        var nested = sut.Adele.AddFolder("Projects/2026");

        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "nested"), "Projects/2026");
        var messages = await sut.Graph.Users[sut.Adele.Id].MailFolders[nested].Messages.GetAsync();

        Assert.Equal(["nested"], messages!.Value!.Select(m => m.Subject));
    }

    private async Task<List<MailFolder>> AllPagesAsync(MailFolderCollectionResponse? first)
    {
        var folders = new List<MailFolder>();
        var iterator = PageIterator<MailFolder, MailFolderCollectionResponse>.CreatePageIterator(sut.Graph, first!, folder =>
        {
            folders.Add(folder);
            return true;
        });
        await iterator.IterateAsync();
        return folders;
    }
}

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
    public async Task ListFolderMessages_Inbox_ReturnsOnlyThatFolder()
    {
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "in inbox"));
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "in archive"), "archive");

        var inbox = await sut.Graph.Users[sut.Adele.Id].MailFolders["inbox"].Messages.GetAsync();

        Assert.Equal(["in inbox"], inbox!.Value!.Select(m => m.Subject));
    }
}

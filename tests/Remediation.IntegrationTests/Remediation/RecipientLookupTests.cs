using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Mailboxes;
using Remediation.Infrastructure.Graph;
using Remediation.LocalHost;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// The mailbox gateway finds every mailbox behind a recipient address with the real Graph client: an alias, a primary SMTP
/// address other than the user principal name, a list with nested groups (paged), and nothing for contacts or outsiders;
/// what the directory answered serves for an hour, and a change made since is found after it.
/// </summary>
public sealed class RecipientLookupTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly GraphTransport _requests = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private GraphSimulator _simulator = null!;
    private GraphMailboxGateway _gateway = null!;

    private SimulatedTenant Tenant => _simulator.Tenant;

    public async Task InitializeAsync()
    {
        _simulator = await GraphSimulator.StartAsync(new SimulatorOptions { TenantDomain = Domain });
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = _simulator.GraphBaseUrl }, new StaticTokenCredential(new SimulatorOptions().AccessToken), _requests);
        _gateway = new GraphMailboxGateway(graph, _clock, NullLogger<GraphMailboxGateway>.Instance);
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task FindRecipientMailboxes_AliasAndPrimarySmtpAddress_FindTheirUserThoughGetUserDoesNot()
    {
        var adele = Tenant.AddMailbox($"adele@{Domain}", "Adele");
        var alex = Tenant.AddMailbox($"alex@{Domain}", "Alex");
        Tenant.AddAlias(adele.Id, $"helpdesk@{Domain}");
        Tenant.SetPrimarySmtpAddress(alex.Id, $"alex.wilber@{Domain}");

        Assert.Equal([adele.Id], await FindAsync($"HelpDesk@{Domain}"));
        Assert.Equal([alex.Id], await FindAsync($"alex.wilber@{Domain}"));
        Assert.Equal([alex.Id], await FindAsync($"alex@{Domain}"));
        Assert.Null(await _gateway.FindMailboxIdAsync($"helpdesk@{Domain}", CancellationToken.None));
        Assert.Equal(alex.Id, await _gateway.FindMailboxIdAsync($"alex@{Domain}", CancellationToken.None));
    }

    [Fact]
    public async Task FindRecipientMailboxes_ListWithNestedGroupsAContactAndAGuest_FindsEveryUserOnce()
    {
        var users = Enumerable.Range(0, 4).Select(i => Tenant.AddMailbox($"user{i}@{Domain}", $"User {i}")).ToList();
        var guest = Tenant.AddMailbox($"guest_fabrikam.example#EXT#@{Domain}", "A guest", MailboxAccess.NotEnabled);
        var list = Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        var sales = Tenant.AddGroup($"sales@{Domain}", "Sales", GroupKind.MailEnabledSecurity);
        var emea = Tenant.AddGroup($"sales-emea@{Domain}", "Sales EMEA");
        Tenant.AddMember(list, users[0]);
        Tenant.AddMember(list, sales);
        Tenant.AddMember(list, Tenant.AddContact("partner@fabrikam.example", "Partner"));
        Tenant.AddMember(list, guest);
        Tenant.AddMember(sales, users[0]);
        Tenant.AddMember(sales, users[1]);
        Tenant.AddMember(sales, emea);
        Tenant.AddMember(emea, users[2]);
        Tenant.AddMember(emea, users[3]);

        var found = await FindAsync($"all-staff@{Domain}");

        Assert.Equal(users.Select(u => u.Id).Append(guest.Id).Order(), found.Order());
        Assert.Equal(new[] { users[2].Id, users[3].Id }.Order(), (await FindAsync($"sales-emea@{Domain}")).Order());
    }

    [Fact]
    public async Task FindRecipientMailboxes_Microsoft365GroupBeyondOnePage_FollowsEveryPage()
    {
        var group = Tenant.AddGroup($"everyone@{Domain}", "Everyone", GroupKind.Microsoft365);
        var users = Enumerable.Range(0, 1_005).Select(i => Tenant.AddMailbox($"user{i:D4}@{Domain}", $"User {i}")).ToList();
        foreach (var user in users) Tenant.AddMember(group, user);

        var found = await FindAsync($"everyone@{Domain}");

        Assert.Equal(users.Select(u => u.Id).Order(), found.Order());
    }

    [Fact]
    public async Task FindRecipientMailboxes_ContactOutsiderOrUnknownAddress_FindsNothing()
    {
        Tenant.AddMailbox($"adele@{Domain}", "Adele");
        var contact = Tenant.AddContact("ops@fabrikam.example", "Fabrikam operations");
        Tenant.AddAlias(contact.Id, $"fabrikam-ops@{Domain}");

        Assert.Empty(await FindAsync($"fabrikam-ops@{Domain}"));
        Assert.Empty(await FindAsync("ops@fabrikam.example"));
        Assert.Empty(await FindAsync($"nobody@{Domain}"));
        Assert.Empty(await FindAsync("it's-me@fabrikam.example"));
    }

    [Fact]
    public async Task FindRecipientMailboxes_SameAddressAgain_AsksTheDirectoryOnce()
    {
        var adele = Tenant.AddMailbox($"adele@{Domain}", "Adele");
        var list = Tenant.AddGroup($"all-staff@{Domain}", "All staff");
        Tenant.AddMember(list, adele);

        await FindAsync($"all-staff@{Domain}");
        await FindAsync($"nobody@{Domain}");
        var asked = _requests.Count;
        var again = await FindAsync($"ALL-STAFF@{Domain}");
        await FindAsync($"nobody@{Domain}");

        Assert.Equal([adele.Id], again);
        Assert.Equal(asked, _requests.Count);
    }

    [Fact]
    public async Task DirectoryChangedSinceItAnswered_FoundOnceTheAnswersAreAnHourOld()
    {
        var adele = Tenant.AddMailbox($"adele@{Domain}", "Adele");
        var list = Tenant.AddGroup($"finance@{Domain}", "Finance");
        Tenant.AddMember(list, adele);
        Assert.Equal([adele.Id], await FindAsync($"finance@{Domain}"));
        Assert.Null(await _gateway.FindMailboxIdAsync($"new.hire@{Domain}", CancellationToken.None));
        Assert.DoesNotContain($"adele.smith@{Domain}", await _gateway.GetMailboxAddressesAsync(adele.Id, CancellationToken.None));

        // A member joins the list, a user is created, Adele gains her new name's address.
        var alex = Tenant.AddMailbox($"alex@{Domain}", "Alex");
        Tenant.AddMember(list, alex);
        var hire = Tenant.AddMailbox($"new.hire@{Domain}", "New hire");
        Tenant.AddAlias(adele.Id, $"adele.smith@{Domain}");

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal([adele.Id], await FindAsync($"finance@{Domain}"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new[] { adele.Id, alex.Id }.Order(), (await FindAsync($"finance@{Domain}")).Order());
        Assert.Equal(hire.Id, await _gateway.FindMailboxIdAsync($"new.hire@{Domain}", CancellationToken.None));
        Assert.Contains($"adele.smith@{Domain}", await _gateway.GetMailboxAddressesAsync(adele.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FindRecipientMailboxes_WithoutPermissionToReadGroups_StillFindsUsersAndSkipsTheList()
    {
        var adele = Tenant.AddMailbox($"adele@{Domain}", "Adele");
        Tenant.AddMember(Tenant.AddGroup($"all-staff@{Domain}", "All staff"), adele);
        _requests.RefuseGroups = true;

        Assert.Empty(await FindAsync($"all-staff@{Domain}"));
        Assert.Equal([adele.Id], await FindAsync($"adele@{Domain}"));
    }

    [Theory]
    [InlineData(MailboxAccess.NotEnabled)]
    [InlineData(MailboxAccess.OutOfScope)]
    public async Task FindCopies_UserWithoutReachableMailbox_ThrowsMailboxUnavailable(MailboxAccess access)
    {
        var guest = Tenant.AddMailbox($"guest@{Domain}", "A guest", access);

        await Assert.ThrowsAsync<MailboxUnavailableException>(() => _gateway.FindCopiesAsync(guest.Id, "<a@b.example>", CancellationToken.None));
    }

    private Task<IReadOnlyList<string>> FindAsync(string address) => _gateway.FindRecipientMailboxesAsync(address, CancellationToken.None);

    /// <summary>Counts the requests that reach the network; refuses <c>/groups</c> as Graph does without GroupMember.Read.All.</summary>
    private sealed class GraphTransport : DelegatingHandler
    {
        private int _count;

        public GraphTransport() : base(new SocketsHttpHandler())
        {
        }

        public int Count => Volatile.Read(ref _count);

        public bool RefuseGroups { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            if (RefuseGroups && request.RequestUri!.AbsolutePath.Contains("/groups", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
                {
                    Content = new StringContent("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""",
                        System.Text.Encoding.UTF8, "application/json"),
                });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

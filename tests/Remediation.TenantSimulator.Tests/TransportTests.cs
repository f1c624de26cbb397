using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class TransportTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task DeliverThroughTransport_ToCcBccAndOutsiders_StoresOneStampedCopyPerTenantRecipient()
    {
        var carol = sut.Tenant.AddMailbox("carol@contoso.example", "Carol");
        var mime = TestMime.Create("adele.vance@contoso.example, someone@outside.example", cc: "Alex.Wilber@contoso.example", bcc: "carol@contoso.example");

        var delivered = sut.Tenant.DeliverThroughTransport(mime);
        var carolsCopy = delivered.Single(d => d.MailboxId == carol.Id);
        var message = await sut.Graph.Users[carol.Id].Messages[carolsCopy.MessageId].GetAsync(r =>
            r.QueryParameters.Select = ["internetMessageHeaders", "bccRecipients"]);
        var headers = message!.InternetMessageHeaders!;
        string Header(string name) => headers.Single(h => h.Name == name).Value!;

        Assert.Equal(new[] { sut.Adele.Id, sut.Alex.Id, carol.Id }.Order(), delivered.Select(d => d.MailboxId).Order());
        Assert.All(delivered, d => Assert.Equal("inbox", sut.Tenant.FindMessage(d.MailboxId, d.MessageId)!.FolderWellKnownName));
        Assert.Single(delivered.Select(d => d.InternetMessageId).Distinct());
        Assert.Matches(@"^<.+@.+\.prod\.outlook\.com>$", delivered[0].InternetMessageId);
        Assert.Empty(message.BccRecipients!);
        Assert.DoesNotContain(headers, h => h.Name == "Bcc");
        var received = headers.Where(h => h.Name == "Received").Select(h => h.Value!).ToList();
        Assert.InRange(received.Count, 2, 3);
        Assert.All(received, r => Assert.Matches(@"\.prod\.(protection\.)?outlook\.com", r));
        Assert.Equal(sut.Options.TenantId, Header("X-MS-Exchange-CrossTenant-Id"));
        Assert.True(Guid.TryParse(Header("X-MS-Exchange-Organization-Network-Message-Id"), out _));
        Assert.Equal(Header("X-MS-Exchange-Organization-Network-Message-Id"), sut.Tenant.FindMessage(carol.Id, carolsCopy.ImmutableId)!.NetworkMessageId);
        Assert.Matches(@"^\d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}\.\d{4} \(UTC\)$", Header("X-MS-Exchange-CrossTenant-OriginalArrivalTime"));
        Assert.Equal("Anonymous", Header("X-MS-Exchange-Organization-AuthAs"));
        Assert.False(string.IsNullOrEmpty(Header("X-MS-Exchange-Organization-AuthSource")));
        Assert.Matches(@"^CIP:[\d.]+;CTRY:;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;", Header("X-Forefront-Antispam-Report"));
        Assert.Equal("BCL:0;", Header("X-Microsoft-Antispam"));
        Assert.Matches("spf=.+dkim=.+dmarc=.+compauth=", Header("Authentication-Results"));
    }

    [Fact]
    public void DeliverThroughTransport_ToAListWithNestedGroups_StoresOneCopyInEachMemberMailboxAndNoneForContactsOrGuests()
    {
        var carol = sut.Tenant.AddMailbox("carol@contoso.example", "Carol");
        var guest = sut.Tenant.AddMailbox("guest_fabrikam.example#EXT#@contoso.example", "A guest", MailboxAccess.NotEnabled);
        var list = sut.Tenant.AddGroup("all-staff@contoso.example", "All staff");
        var sales = sut.Tenant.AddGroup("sales@contoso.example", "Sales", GroupKind.MailEnabledSecurity);
        sut.Tenant.AddMember(list, sut.Adele);
        sut.Tenant.AddMember(list, sales);
        sut.Tenant.AddMember(list, sut.Tenant.AddContact("partner@fabrikam.example", "Partner"));
        sut.Tenant.AddMember(list, guest);
        sut.Tenant.AddMember(sales, sut.Adele);
        sut.Tenant.AddMember(sales, carol);

        var delivered = sut.Tenant.DeliverThroughTransport(TestMime.Create("All-Staff@contoso.example", cc: "alex.wilber@contoso.example, carol@contoso.example"));

        Assert.Equal(new[] { sut.Adele.Id, sut.Alex.Id, carol.Id }.Order(), delivered.Select(d => d.MailboxId).Order());
        Assert.All(delivered, d => Assert.Equal("inbox", sut.Tenant.FindMessage(d.MailboxId, d.MessageId)!.FolderWellKnownName));
        Assert.Empty(sut.Tenant.MessagesIn(guest.Id, "inbox"));
    }

    [Fact]
    public void DeliverThroughTransport_ToAnAliasAndAPrimarySmtpAddress_ReachesTheirUsers()
    {
        sut.Tenant.AddAlias(sut.Adele.Id, "helpdesk@contoso.example");
        sut.Tenant.SetPrimarySmtpAddress(sut.Alex.Id, "alex.w@contoso.example");

        var toAlias = sut.Tenant.DeliverThroughTransport(TestMime.Create("HelpDesk@contoso.example"));
        var toPrimary = sut.Tenant.DeliverThroughTransport(TestMime.Create("alex.w@contoso.example"));
        var toNobody = sut.Tenant.DeliverThroughTransport(TestMime.Create("nobody@contoso.example"));

        Assert.Equal(sut.Adele.Id, Assert.Single(toAlias).MailboxId);
        Assert.Equal(sut.Alex.Id, Assert.Single(toPrimary).MailboxId);
        Assert.Empty(toNobody);
    }

    [Fact]
    public async Task DeliverThroughTransport_WithMessageId_KeepsIt()
    {
        var delivered = sut.Tenant.DeliverThroughTransport(TestMime.Create(sut.Adele.UserPrincipalName, messageId: "<kept@fabrikam.example>"));

        var message = await sut.Graph.Users[sut.Adele.Id].Messages[delivered[0].MessageId].GetAsync();

        Assert.Equal("<kept@fabrikam.example>", message!.InternetMessageId);
    }

    [Fact]
    public async Task AppendAsImap_Message_StoresItExactlyAsGivenWithoutStamps()
    {
        var mime = TestMime.Sample("invoice-lure.eml");

        var appended = sut.Tenant.AppendAsImap(sut.Adele.UserPrincipalName, mime, "archive");
        var message = await sut.Graph.Users[sut.Adele.Id].Messages[appended.MessageId].GetAsync(r =>
            r.QueryParameters.Select = ["internetMessageHeaders"]);

        var stored = sut.Tenant.FindMessage(sut.Adele.Id, appended.ImmutableId)!;
        Assert.Equal(mime, stored.Mime);
        Assert.Equal("archive", stored.FolderWellKnownName);
        Assert.Null(stored.NetworkMessageId);
        Assert.DoesNotContain(message!.InternetMessageHeaders!, h => h.Name!.StartsWith("X-MS-Exchange", StringComparison.Ordinal) || h.Name == "Received");
    }

    [Fact]
    public async Task SimulatorEndpoints_TransportAndAppend_DeliverOverHttp()
    {
        using var http = new HttpClient { BaseAddress = sut.Simulator.BaseAddress };

        using var transport = await http.PostAsync("simulator/transport", new StringContent(TestMime.Create(sut.Adele.UserPrincipalName, "via transport")));
        using var append = await http.PostAsync($"simulator/users/{sut.Alex.UserPrincipalName}/append?folder=junkemail", new StringContent(TestMime.Create(sut.Alex.UserPrincipalName, "via imap")));
        var appended = await append.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, transport.StatusCode);
        Assert.Equal("via transport", Assert.Single(sut.Tenant.MessagesIn(sut.Adele.Id, "inbox")).Subject);
        Assert.Equal(HttpStatusCode.Created, append.StatusCode);
        Assert.Equal((string?)appended!["immutableId"], Assert.Single(sut.Tenant.MessagesIn(sut.Alex.Id, "junkemail")).ImmutableId);
    }
}

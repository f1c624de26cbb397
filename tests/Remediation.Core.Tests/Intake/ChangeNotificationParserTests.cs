using System.Text;
using System.Text.Json;
using Remediation.Core.Intake;

namespace Remediation.Core.Tests.Intake;

public class ChangeNotificationParserTests
{
    [Fact]
    public void Parse_GraphPayload_ReadsEveryField()
    {
        const string body = """
            {"value":[{"subscriptionId":"sub-1","subscriptionExpirationDateTime":"2026-12-01T00:00:00Z","clientState":"s3cret",
            "changeType":"created","resource":"Users/user-1/Messages/msg-1","tenantId":"tenant-1",
            "resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.id":"Users/user-1/Messages/msg-1","@odata.etag":"W/\"1\"","id":"msg-1"}}]}
            """;

        var notification = Assert.Single(Parse(body));

        Assert.Equal(new ChangeNotification("sub-1", "s3cret", "tenant-1", "created", "user-1", "msg-1"), notification);
    }

    [Theory]
    [InlineData("Users/u1/Messages/m1", "u1", "m1")]
    [InlineData("users/u1/messages/m1", "u1", "m1")]
    [InlineData("Users('u1')/messages('m1')", "u1", "m1")]
    [InlineData("users/alice@contoso.example/mailFolders('Inbox')/messages/m1", "alice@contoso.example", "m1")]
    public void ParseResource_ShapesGraphUses_FindsMailboxAndMessage(string resource, string mailbox, string message)
    {
        Assert.Equal((mailbox, message), ChangeNotificationParser.ParseResource(resource));
    }

    [Fact]
    public void Parse_ResourceDataId_WinsOverResource()
    {
        var notification = Assert.Single(Parse("""{"value":[{"resource":"Users/u1/Messages/from-resource","resourceData":{"id":"from-data"}}]}"""));

        Assert.Equal("from-data", notification.MessageId);
    }

    [Fact]
    public void Parse_PropertyNamesInOtherCasing_StillRead()
    {
        var notification = Assert.Single(Parse("""{"Value":[{"ClientState":"x","TenantId":"t","Resource":"Users/u/Messages/m"}]}"""));

        Assert.Equal(("x", "t", "u", "m"), (notification.ClientState, notification.TenantId, notification.MailboxId, notification.MessageId));
    }

    [Fact]
    public void Parse_EntryThatIsNotAnObject_YieldsEmptyNotification()
    {
        var notifications = Parse("""{"value":[42,{"resource":"Users/u/Messages/m"}]}""");

        Assert.Null(notifications[0].MessageId);
        Assert.Equal("m", notifications[1].MessageId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"value":{}}""")]
    [InlineData("""{"items":[]}""")]
    public void Parse_NotACollection_Throws(string body)
    {
        Assert.ThrowsAny<JsonException>(() => Parse(body));
    }

    private static IReadOnlyList<ChangeNotification> Parse(string body) => ChangeNotificationParser.Parse(Encoding.UTF8.GetBytes(body));
}

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
            "changeType":"created","resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/msg-1","tenantId":"tenant-1",
            "resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.id":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/msg-1","@odata.etag":"W/\"1\"","id":"msg-1"}}]}
            """;

        var notification = Assert.Single(Parse(body));

        Assert.Equal(new ChangeNotification("sub-1", "s3cret", "tenant-1", "created", "3f1c2a9b-0000-4000-8000-0000000000a1", "msg-1", Version: "W/\"1\""), notification);
    }

    [Fact]
    public void Parse_VersionLongerThanGraphWrites_IsNoVersion()
    {
        var body = $$$"""
            {"value":[{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/msg-1","resourceData":{"id":"msg-1","@odata.etag":"{{{new string('x', 129)}}}"}}]}
            """;

        Assert.Null(Assert.Single(Parse(body)).Version);
    }

    [Theory]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1")]
    [InlineData("users/3f1c2a9b-0000-4000-8000-0000000000a1/messages/m1")]
    [InlineData("Users('3f1c2a9b-0000-4000-8000-0000000000a1')/messages('m1')")]
    [InlineData("users/3f1c2a9b-0000-4000-8000-0000000000a1@7d9a1c2e-0000-4000-8000-000000000001/mailFolders('Inbox')/messages/m1")]
    [InlineData("Users/3F1C2A9B-0000-4000-8000-0000000000A1/Messages/m1")]
    public void ParseResource_ShapesGraphUses_FindsMailboxAndMessage(string resource)
    {
        var (mailbox, message) = ChangeNotificationParser.ParseResource(resource);

        Assert.Equal(("3f1c2a9b-0000-4000-8000-0000000000a1", "m1"), (mailbox?.ToLowerInvariant(), message));
    }

    [Theory]
    [InlineData("Users/../Messages/m1")]
    [InlineData("Users/alice@contoso.example/Messages/m1")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/..")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1?$top=999")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/$batch")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1/attachments")]
    public void ParseResource_IdsOutsideGraphsAlphabets_FindsNothing(string resource)
    {
        Assert.Equal((null, null), ChangeNotificationParser.ParseResource(resource));
    }

    [Fact]
    public void Parse_ResourceDataId_WinsOverResource()
    {
        var notification = Assert.Single(Parse("""{"value":[{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/from-resource","resourceData":{"id":"from-data"}}]}"""));

        Assert.Equal("from-data", notification.MessageId);
    }

    [Fact]
    public void Parse_PropertyNamesInOtherCasing_StillRead()
    {
        var notification = Assert.Single(Parse("""{"Value":[{"ClientState":"x","TenantId":"t","Resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m"}]}"""));

        Assert.Equal(("x", "t", "3f1c2a9b-0000-4000-8000-0000000000a1", "m"), (notification.ClientState, notification.TenantId, notification.MailboxId, notification.MessageId));
    }

    [Fact]
    public void Parse_EntryThatIsNotAnObject_YieldsEmptyNotification()
    {
        var notifications = Parse("""{"value":[42,{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m"}]}""");

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

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"value":{}}""")]
    public void Parse_JsonWithoutAValueArray_SaysWhatABodyMustBe(string body)
    {
        var error = Assert.Throws<JsonException>(() => Parse(body));

        Assert.Equal("A notification body is an object with a 'value' array.", error.Message);
    }

    [Fact]
    public void Parse_ResourceDataIdOutsideGraphsAlphabet_LeavesNoMessageId()
    {
        var notification = Assert.Single(Parse("""{"value":[{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1","resourceData":{"id":"../m1"}}]}"""));

        Assert.Equal(("3f1c2a9b-0000-4000-8000-0000000000a1", null), (notification.MailboxId, notification.MessageId));
    }

    [Theory]
    [InlineData("\"m1\"")]
    [InlineData("{}")]
    [InlineData("{\"id\":7}")]
    public void Parse_ResourceDataWithoutAStringId_FallsBackToTheResource(string resourceData)
    {
        var notification = Assert.Single(Parse($$"""{"value":[{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/from-resource","resourceData":{{resourceData}}}]}"""));

        Assert.Equal("from-resource", notification.MessageId);
    }

    [Fact]
    public void Parse_FieldsThatAreNotStrings_ReadAsAbsent()
    {
        var notification = Assert.Single(Parse("""{"value":[{"subscriptionId":1,"clientState":true,"tenantId":null,"changeType":["created"],"lifecycleEvent":{}}]}"""));

        Assert.Equal(new ChangeNotification(null, null, null, null, null, null, null), notification);
    }

    [Fact]
    public void Parse_LifecycleNotification_ReadsTheEvent()
    {
        var notification = Assert.Single(Parse("""{"value":[{"subscriptionId":"sub-1","clientState":"s","tenantId":"t","lifecycleEvent":"missed"}]}"""));

        Assert.Equal(new ChangeNotification("sub-1", "s", "t", null, null, null, "missed"), notification);
    }

    [Fact]
    public void Parse_EmptyCollection_IsEmpty()
    {
        Assert.Empty(Parse("""{"value":[]}"""));
    }

    [Fact]
    public void Parse_NestingAtTheDepthLimit_IsRead()
    {
        Assert.Single(Parse(Nested(16)));
    }

    [Fact]
    public void Parse_NestingBeyondTheDepthLimit_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => Parse(Nested(17)));
    }

    [Theory]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1/")]
    [InlineData(" Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m1")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1x/Messages/m1")]
    [InlineData("Users/3f1c2a9b-0000-4000-8000-0000000000a1/mailFolders/../Messages/m1")]
    public void ParseResource_AnythingAroundTheShape_FindsNothing(string resource)
    {
        Assert.Equal((null, null), ChangeNotificationParser.ParseResource(resource));
    }

    [Fact]
    public void ParseResource_Null_FindsNothing()
    {
        Assert.Equal((null, null), ChangeNotificationParser.ParseResource(null));
    }

    // A notification whose unread field nests arrays until the whole document is `depth` levels deep.
    private static string Nested(int depth)
    {
        var arrays = depth - 3;
        return $$"""{"value":[{"resource":"Users/3f1c2a9b-0000-4000-8000-0000000000a1/Messages/m","x":{{new string('[', arrays)}}{{new string(']', arrays)}}}]}""";
    }

    private static IReadOnlyList<ChangeNotification> Parse(string body) => ChangeNotificationParser.Parse(Encoding.UTF8.GetBytes(body));
}

using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Graph;

/// <summary>The Graph <c>message</c> resource of a stored message, limited to what <c>$select</c> asks for.</summary>
internal static class MessageProjection
{
    public const string InternetMessageHeaders = "internetMessageHeaders";

    /// <summary>The extended property holding the message class, as a client names it in <c>$expand</c>.</summary>
    public const string MessageClassProperty = "String 0x001A";

    /// <param name="expandMessageClass">
    /// Whether <c>$expand=singleValueExtendedProperties($filter=id eq 'String 0x001A')</c> asked for the message class.
    /// </param>
    public static JsonObject ToJson(StoredMessageView message, GraphPreferences preferences, Selection select, bool expandMessageClass = false)
    {
        var content = message.Content;
        var json = new JsonObject();
        // Meeting traffic comes as Graph's derived eventMessage types.
        if (ItemClasses.EventMessage(content.ItemClass) is { } eventMessage)
        {
            json["@odata.type"] = eventMessage.ODataType;
            json["meetingMessageType"] = eventMessage.MeetingMessageType;
        }
        json["@odata.etag"] = $"W/\"{message.ChangeKey}\"";
        json["id"] = Id(message, preferences);
        if (expandMessageClass)
        {
            // Graph answers with the property's canonical id, hex digits without leading zeros.
            json["singleValueExtendedProperties"] = new JsonArray(new JsonObject { ["id"] = "String 0x1a", ["value"] = content.ItemClass });
        }
        void Add(string name, Func<JsonNode?> value)
        {
            if (select.Includes(name))
            {
                json[name] = value();
            }
        }

        Add("createdDateTime", () => GraphDates.Seconds(message.CreatedDateTime));
        Add("lastModifiedDateTime", () => GraphDates.Seconds(message.LastModifiedDateTime));
        Add("changeKey", () => message.ChangeKey);
        Add("receivedDateTime", () => GraphDates.Seconds(message.ReceivedDateTime));
        Add("sentDateTime", () => GraphDates.Seconds(content.SentDateTime ?? message.ReceivedDateTime));
        Add("hasAttachments", () => content.HasAttachments);
        Add("internetMessageId", () => content.InternetMessageId);
        Add("subject", () => content.Subject);
        Add("bodyPreview", () => content.BodyPreview);
        Add("importance", () => "normal");
        Add("parentFolderId", () => message.FolderId);
        Add("isRead", () => false);
        Add("isDraft", () => message.FolderWellKnownName == WellKnownFolders.Drafts);
        Add("body", () => Body(content, preferences.TextBody));
        Add("sender", () => Recipient(content.Sender));
        Add("from", () => Recipient(content.From));
        Add("toRecipients", () => Recipients(content.To));
        Add("ccRecipients", () => Recipients(content.Cc));
        Add("bccRecipients", () => Recipients(content.Bcc));
        Add("replyTo", () => Recipients(content.ReplyTo));
        if (select.Names(InternetMessageHeaders))
        {
            json[InternetMessageHeaders] = new JsonArray(
                [.. content.Headers.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["value"] = h.Value })]);
        }

        return json;
    }

    /// <summary>Whether the request's <c>$expand</c> asks for the message class property.</summary>
    public static bool ExpandsMessageClass(HttpRequest request) =>
        ODataQuery.Read(request.Query, "expand") is { } expand
        && expand.Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase)
        && expand.Replace(" ", "", StringComparison.Ordinal).Contains("0x001A", StringComparison.OrdinalIgnoreCase);

    public static string Id(StoredMessageView message, GraphPreferences preferences) =>
        preferences.ImmutableIds ? message.ImmutableId : message.MessageId;

    private static JsonObject Body(MessageContent content, bool preferText) =>
        content.HtmlBody is { } html && !preferText
            ? new JsonObject { ["contentType"] = "html", ["content"] = html }
            : new JsonObject { ["contentType"] = "text", ["content"] = content.TextBody };

    private static JsonObject? Recipient(Recipient? recipient) => recipient is null
        ? null
        : new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = recipient.Name, ["address"] = recipient.Address } };

    private static JsonArray Recipients(IReadOnlyList<Recipient> recipients) => new([.. recipients.Select(r => (JsonNode?)Recipient(r))]);
}

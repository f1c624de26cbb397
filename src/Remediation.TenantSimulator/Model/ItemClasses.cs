using MimeKit;

namespace Remediation.TenantSimulator.Model;

/// <summary>
/// Exchange's message classes (the MAPI property <c>PR_MESSAGE_CLASS</c>, read through Graph as the extended
/// property <c>String 0x001A</c>) for the kinds of item <c>/users/{id}/messages</c> returns.
/// </summary>
public static class ItemClasses
{
    public const string Note = "IPM.Note";
    public const string MeetingRequest = "IPM.Schedule.Meeting.Request";
    public const string MeetingAccepted = "IPM.Schedule.Meeting.Resp.Pos";
    public const string MeetingDeclined = "IPM.Schedule.Meeting.Resp.Neg";
    public const string MeetingTentative = "IPM.Schedule.Meeting.Resp.Tent";
    public const string MeetingCanceled = "IPM.Schedule.Meeting.Canceled";

    /// <summary>A Teams chat message kept in the mailbox for compliance: listed with mail, yet not mail.</summary>
    public const string TeamsChat = "IPM.SkypeTeams.Message";

    /// <summary>The class Exchange gives a message with this MIME: meeting traffic by its iCalendar method.</summary>
    internal static string Of(MimeMessage message)
    {
        var calendar = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));
        if (calendar is null) return Note;
        var method = calendar.ContentType.Parameters["method"] ?? "";
        var text = calendar.Text ?? "";
        return method.ToUpperInvariant() switch
        {
            "REQUEST" => MeetingRequest,
            "CANCEL" => MeetingCanceled,
            "REPLY" when text.Contains("PARTSTAT=DECLINED", StringComparison.OrdinalIgnoreCase) => MeetingDeclined,
            "REPLY" when text.Contains("PARTSTAT=TENTATIVE", StringComparison.OrdinalIgnoreCase) => MeetingTentative,
            "REPLY" => MeetingAccepted,
            _ => Note,
        };
    }

    /// <summary>Graph's derived type and meetingMessageType for meeting traffic, or null for a plain message.</summary>
    internal static (string ODataType, string MeetingMessageType)? EventMessage(string itemClass) => itemClass switch
    {
        MeetingRequest => ("#microsoft.graph.eventMessageRequest", "meetingRequest"),
        MeetingCanceled => ("#microsoft.graph.eventMessage", "meetingCancelled"),
        MeetingAccepted => ("#microsoft.graph.eventMessageResponse", "meetingAccepted"),
        MeetingDeclined => ("#microsoft.graph.eventMessageResponse", "meetingDeclined"),
        MeetingTentative => ("#microsoft.graph.eventMessageResponse", "meetingTenativelyAccepted"),
        _ => null,
    };
}

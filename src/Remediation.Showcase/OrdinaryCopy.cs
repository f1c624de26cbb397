using Remediation.TenantSimulator;

namespace Remediation.Showcase;

/// <summary>An ordinary item the scenario put into a mailbox, and the folder it must stay in.</summary>
/// <param name="Kind">Which part of ordinary mailbox life it is (one of <see cref="OrdinaryKinds"/>), for the report.</param>
/// <param name="FolderId">Where it sat once the scenario was done with it: the pipeline must leave it there.</param>
/// <param name="Scannable">Mail the pipeline scans; a Teams chat item is set aside unscanned.</param>
internal sealed record OrdinaryCopy(DeliveredMessage Message, string Kind, string FolderId, bool Scannable = true);

/// <summary>The parts of ordinary mailbox life the showcase plays, as the report names them.</summary>
internal static class OrdinaryKinds
{
    public const string Transported = "received through transport";
    public const string Appended = "placed over IMAP (a migration, a user's own client)";
    public const string Reply = "replies (Sent Items and the recipients' copies)";
    public const string MeetingRequest = "meeting requests (Sent Items and the attendees' copies)";
    public const string MeetingResponse = "meeting responses";
    public const string TeamsChat = "Teams chat items";
    public const string ToAlias = "mail to an alias";
    public const string ToGroup = "mail to a Microsoft 365 group";
}

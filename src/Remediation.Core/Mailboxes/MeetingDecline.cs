namespace Remediation.Core.Mailboxes;

/// <summary>What became of the calendar entry of a meeting request (<see cref="IMailboxGateway.DeclineMeetingAsync"/>).</summary>
public enum MeetingDecline
{
    /// <summary>The entry was declined and left the calendar; the organizer was not told.</summary>
    Declined,

    /// <summary>There is none: the message is no meeting request, its user already answered or removed it, or it came without transport.</summary>
    NoEntry,

    /// <summary>The app may not write calendars (no <c>Calendars.ReadWrite</c> for this mailbox): the entry stays.</summary>
    NotPermitted,
}

namespace Remediation.Core.Compromise;

public enum CompromiseResponse
{
    /// <summary>Raise the high-severity alert; people act.</summary>
    AlertOnly,

    /// <summary>Also revoke the user's sign-in sessions, so stolen sessions and app passwords must sign in again.</summary>
    RevokeSessions,
}

/// <summary>When malicious mail that bypassed transport makes a mailbox "likely compromised", and what then happens.</summary>
public sealed class CompromiseOptions
{
    public const string Section = "Compromise";

    public CompromiseResponse Response { get; set; } = CompromiseResponse.AlertOnly;

    /// <summary>The mailbox is flagged when its evidence adds up to this.</summary>
    public double Threshold { get; set; } = 1.5;

    /// <summary>Each malicious message placed without transport in this window counts 1; older ones in <see cref="EvidenceWindow"/> count half.</summary>
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan EvidenceWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A wave reaching at least this many mailboxes (the same campaign appended into each) adds 1 to each of them.</summary>
    public int WaveMailboxes { get; set; } = 2;

    /// <summary>
    /// Sessions revoked per hour across the tenant; beyond it mailboxes are alerted on only. A real wave in one tenant
    /// is a handful of accounts: dozens an hour is more likely a detection fault signing out the whole company.
    /// </summary>
    public int MaxRevocationsPerHour { get; set; } = 10;

    /// <summary>Evidence within this time of a response belongs to the same incident and is not acted on again.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromDays(1);
}

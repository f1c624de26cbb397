namespace Remediation.Showcase;

/// <summary>The size of the showcase scenario and where its results go.</summary>
/// <param name="Mailboxes">Mailboxes in the simulated tenant, each subscribed through the subscription keeper.</param>
/// <param name="Wave">Mailboxes whose stolen credentials the Email Appender uses: one lure appended into each.</param>
/// <param name="CampaignRecipients">Recipients of the transported phishing campaign.</param>
/// <param name="Benign">Ordinary messages delivered at a steady rate while the attack unfolds.</param>
/// <param name="ReportDirectory">Where the JSON report and the exported audit trail are written.</param>
/// <param name="Verbose">Show the pipeline's log lines instead of the live view.</param>
/// <param name="DroppedNotifications">
/// Share of change notifications Graph never sends, with no lifecycle event: the reconciliation timer must find them.
/// </param>
internal sealed record ShowcaseOptions(
    int Mailboxes,
    int Wave,
    int CampaignRecipients,
    int Benign,
    TimeSpan Timeout,
    string ReportDirectory,
    bool Verbose = false,
    double DroppedNotifications = ShowcaseOptions.DefaultDroppedNotifications)
{
    public const double DefaultDroppedNotifications = 0.02;

    /// <summary>How often the reconciliation timer resyncs every mailbox during the run when notifications are dropped.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(15);

    // The campaign is one message listing every recipient in its To header, and the scanner reads at most 256 KB of
    // headers: a longer list would make the message unscannable rather than malicious.
    public const int MaxCampaignRecipients = 5000;

    /// <summary>Why these options cannot run, or null.</summary>
    public string? Problem =>
        Mailboxes < 2 ? "--mailboxes must be at least 2."
        : Wave < 0 || Wave > Mailboxes ? "--wave must be between 0 and --mailboxes."
        : CampaignRecipients < 0 || CampaignRecipients > Math.Min(Mailboxes, MaxCampaignRecipients) ? $"--campaign-recipients must be between 0 and --mailboxes (at most {MaxCampaignRecipients})."
        : Benign < 0 ? "--benign must not be negative."
        : DroppedNotifications is < 0 or > 0.5 ? "--dropped-notifications must be between 0 and 50 (percent)."
        : null;
}

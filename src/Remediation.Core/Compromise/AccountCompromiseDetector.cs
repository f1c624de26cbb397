using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Breakers;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Compromise;

/// <summary>
/// Malicious mail placed into a mailbox without passing transport means someone holds its credentials (the Email
/// Appender logs in over IMAP). Evidence is weighted by count and recency and correlated across the mailboxes of a
/// wave; a mailbox over the threshold raises the "mailbox likely compromised" alert and, by policy, loses its
/// sign-in sessions (up to an hourly cap, on the session-revocations queue). Benign untransported mail (migrations,
/// a user's own IMAP client) never counts.
/// </summary>
public sealed partial class AccountCompromiseDetector(
    ICompromiseLedger ledger,
    IAccountGateway accounts,
    IWorkQueue queue,
    CircuitBreaker breaker,
    IPipelineTelemetry telemetry,
    IOptions<CompromiseOptions> options,
    TimeProvider clock,
    ILogger<AccountCompromiseDetector> logger)
{
    private const string CappedResponse = "AlertOnly (revocation cap reached)";
    private const string UnqueuedResponse = "AlertOnly (revoke could not be queued: revoke by hand)";
    private const string NoSignInResponse = "AlertOnly (no one signs in as this mailbox: find the delegate who placed the mail)";

    public async Task RecordAsync(CompromiseEvidence evidence, CancellationToken cancellationToken)
    {
        // Mail placed before the evidence window (a migration brings a mailbox's history) would never count, and must
        // not make a wave of other mailboxes' evidence either.
        if (!CompromiseAssessment.IsInWindow(evidence, clock.GetUtcNow(), options.Value))
        {
            LogHistory(evidence.MailboxId, evidence.MessageId, evidence.At);
            return;
        }
        // Added before the wave is read: CompromiseAssessment.MailboxesToAssess rests on that order.
        await ledger.AddAsync(evidence, cancellationToken);
        var wave = await ledger.WaveAsync(evidence.CampaignId, cancellationToken);
        var formed = CompromiseAssessment.IsFormed(wave, options.Value);
        var assessedWhole = formed && await ledger.IsWaveAssessedAsync(evidence.CampaignId, cancellationToken);
        foreach (var mailboxId in CompromiseAssessment.MailboxesToAssess(evidence.MailboxId, wave, assessedWhole, options.Value))
        {
            await AssessAsync(mailboxId, cancellationToken);
        }
        // Marked only once every mailbox was looked at: a scan that fails midway leaves the next one to look again.
        if (formed && !assessedWhole) await ledger.MarkWaveAssessedAsync(evidence.CampaignId, cancellationToken);
    }

    private async Task AssessAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Already answered: the evidence joins the open incident.
        // Stryker disable once Statement : without this early return TryOpenIncidentAsync refuses the same open incident further down (same cooldown rule); the look only spares the reads
        if (await ledger.HasOpenIncidentAsync(mailboxId, now, options.Value.Cooldown, cancellationToken)) return;
        // The storage reads gather what the assessment weighs; the decision itself is CompromiseAssessment's.
        var evidence = CompromiseAssessment.InWindow(await ledger.EvidenceAsync(mailboxId, cancellationToken), now, options.Value);
        var waveSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var campaignId in CompromiseAssessment.Campaigns(evidence))
        {
            waveSizes[campaignId] = (await ledger.WaveAsync(campaignId, cancellationToken)).Count;
        }
        var assessment = CompromiseAssessment.Weigh(evidence, waveSizes, now, options.Value);
        if (!assessment.IsCompromised(options.Value)) return;
        if (!await ledger.TryOpenIncidentAsync(mailboxId, now, options.Value.Cooldown, cancellationToken)) return;

        // A retry finds the incident open and stops, so from here to the alert nothing may throw: a budget or queue
        // that fails turns the response into an alert the SOC acts on by hand, and the revoke, once queued, has
        // retries of its own.
        var response = await RespondAsync(mailboxId, now, cancellationToken);
        var score = assessment.Score;
        LogCompromised(mailboxId, score, evidence.Count, response);
        telemetry.Emit(new MailboxCompromised(mailboxId, [.. evidence.Select(e => e.MessageId)], [.. CompromiseAssessment.Campaigns(evidence)],
            evidence.Min(e => e.At), evidence.Max(e => e.At), score, response, [.. evidence.Select(e => e.Source.ToString()).Distinct().Order()]));
        await ledger.RecordResponseAsync(mailboxId, response, evidence, now, cancellationToken);
    }

    private async Task<string> RespondAsync(string mailboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (options.Value.Response == CompromiseResponse.AlertOnly) return options.Value.Response.ToString();
        if (!await CanSignInAsync(mailboxId, cancellationToken)) return NoSignInResponse;
        try
        {
            if (!await breaker.TryTakeAsync(CircuitBreaker.SessionRevocations, options.Value.MaxRevocationsPerHour, cancellationToken)) return CappedResponse;
            await queue.EnqueueAsync(WorkQueueNames.SessionRevocations, new SessionRevocation(mailboxId, now), cancellationToken);
            return options.Value.Response.ToString();
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogRevokeNotQueued(error, mailboxId);
            return UnqueuedResponse;
        }
    }

    // Nobody signs in as a shared or resource mailbox (Exchange creates its account disabled) or a blocked user: mail
    // placed into it came through a delegate's access, so revoking its sessions would spend the hourly budget on
    // nothing and leave the account that did it signed in. When the directory cannot say, the revoke goes ahead: it is
    // harmless where it is useless.
    private async Task<bool> CanSignInAsync(string mailboxId, CancellationToken cancellationToken)
    {
        try
        {
            return await accounts.CanSignInAsync(mailboxId, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogSignInUnknown(error, mailboxId);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {MailboxId}: the directory could not say whether anyone signs in as it; its sessions are revoked")]
    private partial void LogSignInUnknown(Exception exception, string mailboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {MailboxId}: message {MessageId} was placed at {PlacedAt}, before the evidence window; not evidence")]
    private partial void LogHistory(string mailboxId, string messageId, DateTimeOffset placedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mailbox {MailboxId}: the revoke could not be queued; the alert asks for it by hand")]
    private partial void LogRevokeNotQueued(Exception exception, string mailboxId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Mailbox {MailboxId} likely compromised: score {Score} from {Messages} malicious messages placed without transport; response {Response}")]
    private partial void LogCompromised(string mailboxId, double score, int messages, string response);
}

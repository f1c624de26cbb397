using MimeKit;
using Remediation.Core.Mailboxes;

namespace Remediation.Core.Scanning;

/// <summary>What the engine judges: the parsed message and what the mailbox store says about it.</summary>
public sealed record ScanInput(MimeMessage Mime)
{
    public string? MailboxId { get; init; }

    /// <summary>The Graph id of the folder that holds the message.</summary>
    public string? FolderId { get; init; }

    /// <summary>The folder's well-known name (<c>inbox</c>, <c>drafts</c>…) when the caller knows it.</summary>
    public string? FolderName { get; init; }

    /// <summary>The store's draft flag: set on mail that was created or uploaded rather than received.</summary>
    public bool IsDraft { get; init; }

    /// <summary>When the store says the message arrived.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <inheritdoc cref="StoredMessage.CreatedAt"/>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The limit reading or parsing the message exceeded, as <see cref="MimeLoader"/> found it.</summary>
    public UnscannableReason? LimitExceeded { get; init; }

    /// <summary>Header lines were dropped to fit the budget, so stamps may be missing: provenance proves nothing.</summary>
    public bool HeadersCut { get; init; }

    /// <summary>Set when campaign memory recognised the message's fingerprint as a copy of a judged campaign.</summary>
    public KnownCampaign? KnownCampaign { get; init; }

    /// <summary>Set when a hunt re-judges the message: what the SOC named as bad after delivery.</summary>
    public Hunting.Indicator? Hunted { get; init; }

    public static ScanInput From(MailboxMessage message) => new(message.Mime)
    {
        MailboxId = message.MailboxId,
        FolderId = message.ParentFolderId,
        IsDraft = message.IsDraft,
        ReceivedAt = message.ReceivedAt,
        CreatedAt = message.CreatedAt,
        LimitExceeded = message.LimitExceeded,
        HeadersCut = message.HeadersCut,
    };

    /// <summary>A message read from a file, with nothing known of a store.</summary>
    public static ScanInput From(LoadedMime loaded) => new(loaded.Mime) { LimitExceeded = loaded.LimitExceeded, HeadersCut = loaded.HeadersCut };
}

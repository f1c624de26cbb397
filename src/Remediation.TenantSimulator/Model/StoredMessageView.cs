using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator;

/// <summary>A consistent copy of one stored message as it was when read.</summary>
public sealed record StoredMessageView
{
    internal StoredMessageView(MessageContent content, string changeKey, long version)
    {
        Content = content;
        ChangeKey = changeKey;
        Version = version;
    }

    public required string MailboxId { get; init; }

    /// <summary>The regular id: it changes every time the message is moved.</summary>
    public required string MessageId { get; init; }

    /// <summary>The immutable id: it stays the same across moves.</summary>
    public required string ImmutableId { get; init; }

    public required string InternetMessageId { get; init; }

    public required string FolderId { get; init; }

    /// <summary>The folder's well-known name, or null for a custom folder.</summary>
    public required string? FolderWellKnownName { get; init; }

    public required string Subject { get; init; }

    /// <summary>The message as stored, the same text that <c>$value</c> returns.</summary>
    public required string Mime { get; init; }

    /// <summary>True once the message was soft-deleted into Recoverable Items.</summary>
    public bool IsDeleted => FolderWellKnownName == WellKnownFolders.RecoverableItemsDeletions;

    /// <summary>The transport's network message id; null for messages that did not come through transport.</summary>
    public required string? NetworkMessageId { get; init; }

    public required DateTimeOffset ReceivedDateTime { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset LastModifiedDateTime { get; init; }

    internal string ChangeKey { get; }

    /// <summary>Grows with every change in the mailbox; delta compares it to find changed items.</summary>
    internal long Version { get; }

    internal MessageContent Content { get; }

    /// <summary>Exchange's message class: <c>IPM.Note</c> for mail, others for meeting traffic and Teams chat.</summary>
    public string ItemClass => Content.ItemClass;
}

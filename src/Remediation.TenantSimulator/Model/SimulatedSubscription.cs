namespace Remediation.TenantSimulator;

/// <summary>A change-notification subscription on a mailbox or one of its folders.</summary>
public sealed class SimulatedSubscription
{
    private long expirationUtcTicks;

    internal SimulatedSubscription(
        string id,
        string resource,
        string changeType,
        Uri notificationUrl,
        Uri? lifecycleNotificationUrl,
        string? clientState,
        string mailboxId,
        string? folderId,
        bool usesImmutableIds,
        DateTimeOffset expirationDateTime)
    {
        Id = id;
        Resource = resource;
        ChangeType = changeType;
        NotificationUrl = notificationUrl;
        LifecycleNotificationUrl = lifecycleNotificationUrl;
        ClientState = clientState;
        MailboxId = mailboxId;
        FolderId = folderId;
        UsesImmutableIds = usesImmutableIds;
        ExpirationDateTime = expirationDateTime;
    }

    public string Id { get; }

    /// <summary>The resource as the subscriber wrote it.</summary>
    public string Resource { get; }

    public string ChangeType { get; }

    public Uri NotificationUrl { get; }

    public Uri? LifecycleNotificationUrl { get; }

    public string? ClientState { get; }

    public string MailboxId { get; }

    /// <summary>The watched folder, or null when the subscription covers the whole mailbox.</summary>
    public string? FolderId { get; }

    /// <summary>True when the creating request asked for immutable ids; its notifications then carry them.</summary>
    public bool UsesImmutableIds { get; }

    public DateTimeOffset ExpirationDateTime
    {
        get => new(Interlocked.Read(ref expirationUtcTicks), TimeSpan.Zero);
        internal set => Interlocked.Exchange(ref expirationUtcTicks, value.UtcTicks);
    }

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpirationDateTime;

    internal bool Watches(StoredMessageView message) =>
        message.MailboxId == MailboxId
        && (FolderId is null ? !message.IsDeleted : message.FolderId == FolderId)
        && ChangeType.Split(',', StringSplitOptions.TrimEntries).Contains("created", StringComparer.OrdinalIgnoreCase);
}

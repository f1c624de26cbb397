namespace Remediation.Core.Mailboxes;

/// <summary>What the pipeline asks of a mailbox store (Microsoft Graph in production).</summary>
public interface IMailboxGateway
{
    /// <summary>
    /// The message with at most <paramref name="maxContentBytes"/> of its MIME content, unparsed, or null when it no
    /// longer exists. Callers read through <see cref="MailboxReading.ReadMessageAsync"/>, which parses within the scan limits.
    /// </summary>
    Task<StoredMessage?> GetMessageAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="maxContentBytes"/> of a message's MIME content alone, in one request, or null when it no
    /// longer exists: for a copy whose whereabouts are already known. Callers read through <see cref="MailboxReading.ReadMimeAsync"/>.
    /// </summary>
    Task<StoredContent?> GetContentAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Every mail copy in the mailbox carrying this Internet Message-ID (there may be several), each with what it shows;
    /// never a chat item.
    /// </summary>
    /// <exception cref="MailboxUnavailableException">The user has no mailbox the app may reach.</exception>
    Task<IReadOnlyList<MessageLocation>> FindCopiesAsync(string mailboxId, string internetMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="GetLocationAsync"/>, <see cref="FindCopiesAsync"/> and <see cref="EnsureHiddenFolderAsync"/> for
    /// everything a job asks of one mailbox, in one round trip where the store allows it.
    /// </summary>
    /// <exception cref="MailboxUnavailableException">The user has no mailbox the app may reach.</exception>
    Task<CopyQueryAnswer> LocateAsync(string mailboxId, CopyQuery query, CancellationToken cancellationToken) =>
        query.AskOneByOneAsync(this, mailboxId, cancellationToken);

    /// <summary>The id of a folder given its well-known name (for example <c>junkemail</c>).</summary>
    Task<string> GetFolderIdAsync(string mailboxId, string wellKnownName, CancellationToken cancellationToken);

    /// <summary>Where a message is now, or null when it no longer exists.</summary>
    Task<MessageLocation?> GetLocationAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>The user id of the user with this user principal name (or object id), or null when the tenant has none.</summary>
    Task<string?> FindMailboxIdAsync(string address, CancellationToken cancellationToken);

    /// <summary>
    /// The user id of every mailbox that mail to this address reaches: the user holding it (user principal name, primary
    /// SMTP address or alias), or every user in a group holding it, nested groups included. None for a mail contact, an
    /// address outside the tenant or an unknown one. Like every directory answer here, it may be up to an hour old.
    /// </summary>
    Task<IReadOnlyList<string>> FindRecipientMailboxesAsync(string address, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FindRecipientMailboxesAsync(string, CancellationToken)"/> for each of a message's recipient addresses,
    /// in as few round trips as the directory allows: each address with the mailboxes it reaches.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindRecipientMailboxesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses) found[address] = await FindRecipientMailboxesAsync(address, cancellationToken);
        return found;
    }

    /// <summary>Every SMTP address of the mailbox's user (primary, user principal name, aliases), lower case.</summary>
    Task<IReadOnlySet<string>> GetMailboxAddressesAsync(string mailboxId, CancellationToken cancellationToken);

    /// <summary>The id of the folder with this name under the mailbox's root, created (hidden from the user) if missing.</summary>
    Task<string> EnsureHiddenFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken);

    /// <summary>
    /// Declines the calendar entry a meeting request made, without a response to its organizer, so that the meeting
    /// leaves the calendar with the request. Running it again finds no entry.
    /// </summary>
    Task<MeetingDecline> DeclineMeetingAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>Deletes a message the recoverable way; false when it is already gone.</summary>
    Task<bool> SoftDeleteAsync(string mailboxId, string messageId, CancellationToken cancellationToken);

    /// <summary>Moves a message; returns its id in the destination, or null when the message is already gone.</summary>
    /// <exception cref="DestinationFolderMissingException">The message is there but the destination folder is not.</exception>
    Task<string?> MoveAsync(string mailboxId, string messageId, string destinationFolderId, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="MoveAsync"/> for several messages of one mailbox, in one round trip where the store allows it: each
    /// message's outcome on its own, so one that fails does not fail the others.
    /// </summary>
    Task<IReadOnlyList<MoveOutcome>> MoveAllAsync(string mailboxId, IReadOnlyList<string> messageIds, string destinationFolderId, CancellationToken cancellationToken) =>
        MoveOutcome.OneByOneAsync(this, mailboxId, messageIds, destinationFolderId, cancellationToken);
}

/// <summary>What <see cref="IMailboxGateway.MoveAsync"/> returned for one message, or what it threw.</summary>
public sealed record MoveOutcome(string? NewId, Exception? Error)
{
    /// <summary>The outcomes from one request per message, for a store that cannot take them together.</summary>
    public static async Task<IReadOnlyList<MoveOutcome>> OneByOneAsync(IMailboxGateway mailboxes, string mailboxId, IReadOnlyList<string> messageIds, string destinationFolderId, CancellationToken cancellationToken)
    {
        List<MoveOutcome> outcomes = [];
        foreach (var messageId in messageIds) outcomes.Add(await OfAsync(() => mailboxes.MoveAsync(mailboxId, messageId, destinationFolderId, cancellationToken)));
        return outcomes;
    }

    /// <summary>Runs one move; any failure but cancellation becomes the outcome's error.</summary>
    public static async Task<MoveOutcome> OfAsync(Func<Task<string?>> move)
    {
        try
        {
            return new MoveOutcome(await move(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new MoveOutcome(null, ex);
        }
    }
}

namespace Remediation.Core.Mailboxes;

/// <summary>What a remediation job asks of one mailbox before it acts.</summary>
/// <param name="MessageIds">Copies known by id: where each is now.</param>
/// <param name="InternetMessageIds">Message-IDs to search for: every copy carrying each, with what it shows.</param>
/// <param name="HiddenFolderName">The hidden folder whose id is wanted, made if missing, even when nothing is found; null for none.</param>
/// <param name="HiddenFolderId">That folder's id when it is already known: the store is not asked for it.</param>
public sealed record CopyQuery(IReadOnlyList<string> MessageIds, IReadOnlyList<string> InternetMessageIds, string? HiddenFolderName, string? HiddenFolderId = null)
{
    /// <summary>The answer from one request per question, for a store that cannot take them together.</summary>
    public async Task<CopyQueryAnswer> AskOneByOneAsync(IMailboxGateway mailboxes, string mailboxId, CancellationToken cancellationToken)
    {
        List<MessageLocation> located = [];
        foreach (var messageId in MessageIds)
        {
            if (await mailboxes.GetLocationAsync(mailboxId, messageId, cancellationToken) is { } location) located.Add(location);
        }
        var found = new Dictionary<string, IReadOnlyList<MessageLocation>>(StringComparer.Ordinal);
        foreach (var internetMessageId in InternetMessageIds)
        {
            found[internetMessageId] = await mailboxes.FindCopiesAsync(mailboxId, internetMessageId, cancellationToken);
        }
        var folder = HiddenFolderName is { } name ? HiddenFolderId ?? await mailboxes.EnsureHiddenFolderAsync(mailboxId, name, cancellationToken) : null;
        return new CopyQueryAnswer(located, found, folder);
    }
}

/// <param name="Located">Where each copy known by id is now; those gone are left out.</param>
/// <param name="Found">Every copy carrying each Message-ID searched for, by that Message-ID.</param>
/// <param name="HiddenFolderId">The hidden folder's id, when asked for.</param>
public sealed record CopyQueryAnswer(IReadOnlyList<MessageLocation> Located, IReadOnlyDictionary<string, IReadOnlyList<MessageLocation>> Found, string? HiddenFolderId);

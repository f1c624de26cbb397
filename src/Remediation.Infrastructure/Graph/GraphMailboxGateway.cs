using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Decline;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using MimeKit;
using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning;

namespace Remediation.Infrastructure.Graph;

/// <summary>The mailbox port over Microsoft Graph.</summary>
public sealed partial class GraphMailboxGateway(GraphServiceClient graph, TimeProvider clock, ILogger<GraphMailboxGateway> logger) : IMailboxGateway
{
    private static readonly string[] MessageFields = ["id", "internetMessageId", "parentFolderId", "isDraft", "receivedDateTime", "createdDateTime"];
    private static readonly string[] LocationFields = ["id", "parentFolderId"];

    // What the content check compares before it reads a copy's MIME: the search returns it at no extra request.
    private static readonly string[] CopyFields = [.. LocationFields, "subject", "body", "hasAttachments", "from", "sender", "replyTo"];

    // Each copy comes with its body, so a page is kept small: a Message-ID the sender reused on many large messages
    // costs more pages, not one huge answer.
    private const int CopiesPerPage = 10;

    // The message class (PR_MESSAGE_CLASS) tells mail from the Teams chat items the same list returns, at no extra request.
    private static readonly string[] MessageClass = ["singleValueExtendedProperties($filter=id eq 'String 0x001A')"];

    // A meeting request's calendar entry, in the form Graph's documentation gives (the whole event comes with it).
    private static readonly string[] EventOfRequest = ["microsoft.graph.eventMessage/event"];

    // Every error status becomes an ODataError, as with the SDK's own request builders.
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ODataErrors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    // Folder ids never change, so one lookup per mailbox and folder serves until a move finds the folder deleted.
    private readonly ConcurrentDictionary<(string Mailbox, string Folder), string> _folderIds = new();
    private readonly GraphRecipients _recipients = new(graph, clock, logger);
    private readonly DirectoryAnswers<IReadOnlySet<string>> _mailboxAddresses = new(clock);

    public async Task<StoredMessage?> GetMessageAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken)
    {
        var request = graph.Users[mailboxId].Messages[messageId];
        try
        {
            var message = await request.GetAsync(r =>
            {
                r.QueryParameters.Select = MessageFields;
                r.QueryParameters.Expand = MessageClass;
            }, cancellationToken);
            var itemClass = message?.SingleValueExtendedProperties?.FirstOrDefault()?.Value;
            var found = new StoredMessage(mailboxId, message?.Id ?? messageId, MailboxMessage.Usable(message?.InternetMessageId),
                message?.ParentFolderId ?? "", message?.IsDraft ?? false, message?.ReceivedDateTime, ReadOnlyMemory<byte>.Empty)
            {
                CreatedAt = message?.CreatedDateTime,
                ItemClass = itemClass,
            };
            // Graph cannot export a chat item as MIME; asking would only fail.
            if (found.IsTeamsChat) return found;
            return await GetContentAsync(mailboxId, found.MessageId, maxContentBytes, cancellationToken) is { } content
                ? found with { Content = content.Content, ContentCut = content.Cut }
                : null;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    public async Task<StoredContent?> GetContentAsync(string mailboxId, string messageId, long maxContentBytes, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await graph.Users[mailboxId].Messages[messageId].Content.GetAsync(cancellationToken: cancellationToken)
                ?? throw new InvalidDataException($"Graph returned no MIME content for message {messageId}.");
            var (bytes, cut) = await StoredMessage.ReadContentAsync(content, maxContentBytes, cancellationToken);
            return new StoredContent(bytes, cut);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<MessageLocation>> FindCopiesAsync(string mailboxId, string internetMessageId, CancellationToken cancellationToken)
    {
        MessageCollectionResponse? firstPage;
        try
        {
            firstPage = await graph.Users[mailboxId].Messages.GetAsync(r => SearchQuery(r, internetMessageId), cancellationToken);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            throw Unavailable(mailboxId, error.Error?.Code, error.ResponseStatusCode, error);
        }
        return await CopiesAsync(mailboxId, firstPage, cancellationToken);
    }

    public async Task<CopyQueryAnswer> LocateAsync(string mailboxId, CopyQuery query, CancellationToken cancellationToken)
    {
        // A folder the caller or this instance knows costs nothing to ask for; the caller's id is the newer.
        if (query is { HiddenFolderName: { } known, HiddenFolderId: { } knownId }) _folderIds[(mailboxId, known)] = knownId;
        var folderToMake = query.HiddenFolderName is { } name && !_folderIds.ContainsKey((mailboxId, name)) ? name : null;
        var questions = query.MessageIds.Count + query.InternetMessageIds.Count + (folderToMake is null ? 0 : 1);
        // One question needs no batch, and Graph takes at most twenty in one.
        if (questions is <= 1 or > GraphBatch.MaxItems) return await query.AskOneByOneAsync(this, mailboxId, cancellationToken);

        var batch = new BatchRequestContentCollection(graph);
        var locations = new List<(string MessageId, string Step)>();
        foreach (var messageId in query.MessageIds)
        {
            locations.Add((messageId, await batch.AddBatchRequestStepAsync(WithImmutableIds(graph.Users[mailboxId].Messages[messageId].ToGetRequestInformation(LocationQuery)))));
        }
        var searches = new List<(string InternetMessageId, string Step)>();
        foreach (var internetMessageId in query.InternetMessageIds)
        {
            searches.Add((internetMessageId, await batch.AddBatchRequestStepAsync(WithImmutableIds(graph.Users[mailboxId].Messages.ToGetRequestInformation(r => SearchQuery(r, internetMessageId))))));
        }
        var create = folderToMake is null ? null : await batch.AddBatchRequestStepAsync(WithImmutableIds(graph.Users[mailboxId].MailFolders.ToPostRequestInformation(HiddenFolder(folderToMake))));
        var answers = await graph.Batch.PostAsync(batch, cancellationToken);
        var statuses = await answers.GetResponsesStatusCodesAsync();

        // Graph throttles and fails the items of a batch one by one, and the client retries only whole requests: a
        // question whose answer is not final is asked again on its own, where the retry handler and the error handling
        // of the single calls apply.
        var found = new Dictionary<string, IReadOnlyList<MessageLocation>>(StringComparer.Ordinal);
        foreach (var (internetMessageId, step) in searches)
        {
            found[internetMessageId] = statuses[step] switch
            {
                var ok when GraphBatch.IsSuccess(ok) => await CopiesAsync(mailboxId, await answers.GetResponseByIdAsync<MessageCollectionResponse>(step), cancellationToken),
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound => throw Unavailable(mailboxId, await ErrorCodeAsync(answers, step), (int)statuses[step], null),
                _ => await FindCopiesAsync(mailboxId, internetMessageId, cancellationToken),
            };
        }
        var located = new List<MessageLocation>();
        foreach (var (messageId, step) in locations)
        {
            var location = statuses[step] switch
            {
                var ok when GraphBatch.IsSuccess(ok) => LocationOf(mailboxId, messageId, await answers.GetResponseByIdAsync<Message>(step)),
                HttpStatusCode.NotFound => null,
                _ => await GetLocationAsync(mailboxId, messageId, cancellationToken),
            };
            if (location is not null) located.Add(location);
        }
        if (create is not null) await LearnHiddenFolderAsync(mailboxId, folderToMake!, answers, create, statuses[create], cancellationToken);
        // The folder this instance knew or just learnt, or, when its creation failed otherwise, a request of its own.
        var folderId = query.HiddenFolderName is { } folder ? await EnsureHiddenFolderAsync(mailboxId, folder, cancellationToken) : null;
        return new CopyQueryAnswer(located, found, folderId);
    }

    // The folder the batch made, or, when an earlier campaign made it (on this instance or another), the one found by
    // name: asking to make it again would only be refused again.
    private async Task LearnHiddenFolderAsync(string mailboxId, string displayName, BatchResponseContentCollection answers, string step, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var id = GraphBatch.IsSuccess(status) ? (await answers.GetResponseByIdAsync<MailFolder>(step))?.Id
            : await ErrorCodeAsync(answers, step) == "ErrorFolderExists" ? await FindFolderAsync(mailboxId, displayName, cancellationToken)
            : null;
        if (id is not null) _folderIds.TryAdd((mailboxId, displayName), id);
    }

    private static void SearchQuery(RequestConfiguration<Microsoft.Graph.Users.Item.Messages.MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters> request, string internetMessageId)
    {
        // OData string literals escape a quote by doubling it.
        request.QueryParameters.Filter = $"internetMessageId eq '{internetMessageId.Replace("'", "''", StringComparison.Ordinal)}'";
        request.QueryParameters.Select = CopyFields;
        request.QueryParameters.Expand = MessageClass;
        request.QueryParameters.Top = CopiesPerPage;
    }

    private async Task<IReadOnlyList<MessageLocation>> CopiesAsync(string mailboxId, MessageCollectionResponse? firstPage, CancellationToken cancellationToken)
    {
        var copies = new List<MessageLocation>();
        if (firstPage is null) return copies;
        var pages = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(graph, firstPage, message =>
        {
            // A chat item is not mail and has no MIME to compare: never a campaign's copy.
            var itemClass = message.SingleValueExtendedProperties?.FirstOrDefault()?.Value;
            if (!StoredMessage.IsTeamsChatClass(itemClass))
            {
                copies.Add(new MessageLocation(mailboxId, message.Id!, message.ParentFolderId ?? "")
                {
                    Shown = Shown(message),
                    IsMeetingRequest = StoredMessage.IsMeetingRequestClass(itemClass),
                });
            }
            return true;
        });
        await pages.IterateAsync(cancellationToken);
        return copies;
    }

    // Where a copy known by id is, with its class: a meeting request's calendar entry goes with it.
    private static void LocationQuery(RequestConfiguration<Microsoft.Graph.Users.Item.Messages.Item.MessageItemRequestBuilder.MessageItemRequestBuilderGetQueryParameters> request)
    {
        request.QueryParameters.Select = LocationFields;
        request.QueryParameters.Expand = MessageClass;
    }

    private static MessageLocation? LocationOf(string mailboxId, string messageId, Message? message) =>
        message is null ? null : new MessageLocation(mailboxId, message.Id ?? messageId, message.ParentFolderId ?? "")
        {
            IsMeetingRequest = StoredMessage.IsMeetingRequestClass(message.SingleValueExtendedProperties?.FirstOrDefault()?.Value),
        };

    private static ShownContent? Shown(Message message)
    {
        if (message.Body is not { Content: { } body } shown) return null;
        var senders = new ShownSenders(
            message.From?.EmailAddress is { Address: { } address } author ? [(author.Name, address)] : [],
            message.Sender?.EmailAddress?.Address ?? message.From?.EmailAddress?.Address,
            [.. (message.ReplyTo ?? []).Select(r => r.EmailAddress?.Address).OfType<string>()]);
        return new ShownContent(message.Subject ?? "", body, shown.ContentType == BodyType.Html, message.HasAttachments ?? true,
            Letterhead.Of(message.Subject, senders)) { Senders = senders };
    }

    // A member of a list may be a guest, unlicensed, gone, or outside the app's Exchange scope.
    private static MailboxUnavailableException Unavailable(string mailboxId, string? code, int? status, Exception? error) =>
        new(mailboxId, code ?? $"HTTP {status}", error ?? new InvalidOperationException($"Graph answered HTTP {status}."));

    // The error code of a batch item's answer, or null when its body names none.
    private static async Task<string?> ErrorCodeAsync(BatchResponseContentCollection answers, string step)
    {
        using var answer = await answers.GetResponseByIdAsync(step);
        try
        {
            using var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            return error.RootElement.TryGetProperty("error", out var body) && body.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The client's handler asks for immutable ids on the batch; each item carries its own headers.
    private static RequestInformation WithImmutableIds(RequestInformation request)
    {
        request.Headers.Add("Prefer", ImmutableIdHandler.Preference);
        return request;
    }

    private static MailFolder HiddenFolder(string displayName) => new() { DisplayName = displayName, IsHidden = true };

    public async Task<string> GetFolderIdAsync(string mailboxId, string wellKnownName, CancellationToken cancellationToken)
    {
        if (_folderIds.TryGetValue((mailboxId, wellKnownName), out var cached)) return cached;
        var folder = await graph.Users[mailboxId].MailFolders[wellKnownName].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken);
        var id = folder?.Id ?? throw new InvalidDataException($"Mailbox {mailboxId} has no folder '{wellKnownName}'.");
        return _folderIds.GetOrAdd((mailboxId, wellKnownName), id);
    }

    public async Task<MessageLocation?> GetLocationAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await graph.Users[mailboxId].Messages[messageId].GetAsync(LocationQuery, cancellationToken);
            return LocationOf(mailboxId, messageId, message);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    public Task<string?> FindMailboxIdAsync(string address, CancellationToken cancellationToken) =>
        _recipients.FindUserIdAsync(address, cancellationToken);

    public Task<IReadOnlyList<string>> FindRecipientMailboxesAsync(string address, CancellationToken cancellationToken) =>
        _recipients.FindMailboxesAsync(address, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindRecipientMailboxesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) =>
        _recipients.FindMailboxesAsync(addresses, cancellationToken);

    public async Task<IReadOnlySet<string>> GetMailboxAddressesAsync(string mailboxId, CancellationToken cancellationToken)
    {
        if (_mailboxAddresses.TryGet(mailboxId, out var cached)) return cached;
        var user = await graph.Users[mailboxId].GetAsync(r => r.QueryParameters.Select = ["mail", "userPrincipalName", "proxyAddresses"], cancellationToken);
        // Proxy addresses carry their type: "SMTP:" marks the primary address, "smtp:" an alias; other types are not mail.
        var smtp = (user?.ProxyAddresses ?? []).Where(p => p.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase)).Select(p => p[5..]);
        var addresses = smtp.Append(user?.Mail).Append(user?.UserPrincipalName).OfType<string>()
            .Select(a => a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return _mailboxAddresses.Keep(mailboxId, addresses);
    }

    public async Task<string> EnsureHiddenFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        if (_folderIds.TryGetValue((mailboxId, displayName), out var cached)) return cached;
        var id = await CreateHiddenFolderAsync(mailboxId, displayName, cancellationToken)
            // An earlier campaign, or another job a moment ago, made it.
            ?? await FindFolderAsync(mailboxId, displayName, cancellationToken)
            ?? await BesideNamesakeAsync(mailboxId, displayName, cancellationToken);
        return _folderIds.GetOrAdd((mailboxId, displayName), id ?? throw new InvalidDataException($"Could not create folder '{displayName}' in mailbox {mailboxId}."));
    }

    // A folder the user sees holds the name: made by the user, or by an appender over IMAP to be handed the lures it
    // planted. Quarantined copies never go where the user sees them, so a hidden folder of a name no one can guess is
    // made beside it.
    private async Task<string?> BesideNamesakeAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        var name = $"{displayName} {RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        LogNamesake(mailboxId, displayName, name);
        return await CreateHiddenFolderAsync(mailboxId, name, cancellationToken);
    }

    // Created on first need, in one request; isHidden can only be set at creation: the user never sees the folder in
    // Outlook. Null when a folder of that name is there already.
    private async Task<string?> CreateHiddenFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        try
        {
            return (await graph.Users[mailboxId].MailFolders.PostAsync(HiddenFolder(displayName), cancellationToken: cancellationToken))?.Id;
        }
        catch (ODataError error) when (error.Error?.Code == "ErrorFolderExists")
        {
            return null;
        }
    }

    // Two requests, asked only of a meeting request: the request with its calendar entry, then the decline. A 403
    // here, in a mailbox the search just reached, is the calendar permission missing.
    public async Task<MeetingDecline> DeclineMeetingAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var request = await graph.Users[mailboxId].Messages[messageId].GetAsync(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Expand = EventOfRequest;
            }, cancellationToken);
            if (request is not EventMessage { Event.Id: { } eventId }) return MeetingDecline.NoEntry;
            await graph.Users[mailboxId].Events[eventId].Decline.PostAsync(new DeclinePostRequestBody { SendResponse = false }, cancellationToken: cancellationToken);
            return MeetingDecline.Declined;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return MeetingDecline.NoEntry;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 403)
        {
            return MeetingDecline.NotPermitted;
        }
    }

    public async Task<bool> SoftDeleteAsync(string mailboxId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Users[mailboxId].Messages[messageId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return false;
        }
    }

    // The pipeline's hidden folder of that name, or of that name and a suffix when a folder the user sees held the name;
    // a visible folder is never taken, whoever made it.
    private async Task<string?> FindFolderAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        var first = await graph.Users[mailboxId].MailFolders.GetAsync(r =>
        {
            r.QueryParameters.IncludeHiddenFolders = "true";
            r.QueryParameters.Top = MailFolderPages.PageSize;
            r.QueryParameters.Select = ["id", "displayName", "isHidden"];
        }, cancellationToken);
        string? suffixed = null;
        await foreach (var folder in MailFolderPages.ReadAllAsync(graph, mailboxId, first, cancellationToken))
        {
            if (folder.IsHidden != true || folder.DisplayName is not { } name) continue;
            if (string.Equals(name, displayName, StringComparison.OrdinalIgnoreCase)) return folder.Id;
            if (name.StartsWith(displayName + " ", StringComparison.OrdinalIgnoreCase)) suffixed ??= folder.Id;
        }
        return suffixed;
    }

    public async Task<string?> MoveAsync(string mailboxId, string messageId, string destinationFolderId, CancellationToken cancellationToken)
    {
        // Graph answers a move with the whole message, every recipient of a mass mailing included. Only the new id is
        // needed: reading it from the JSON costs a fraction of building the SDK's model of the message.
        var request = graph.Users[mailboxId].Messages[messageId].Move.ToPostRequestInformation(new MovePostRequestBody { DestinationId = destinationFolderId });
        try
        {
            await using var answer = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, ODataErrors, cancellationToken);
            if (answer is null) return messageId;
            using var moved = await JsonDocument.ParseAsync(answer, cancellationToken: cancellationToken);
            return moved.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } newId ? newId : messageId;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // Graph answers 404 alike for a message that is gone and for a destination that is. Only the first is done
            // with: a quarantine folder an administrator deleted must not leave the copy in the inbox as "gone".
            if (await GetLocationAsync(mailboxId, messageId, cancellationToken) is null) return null;
            ForgetFolder(mailboxId, destinationFolderId);
            throw new DestinationFolderMissingException(mailboxId, destinationFolderId, error);
        }
    }

    // Copies of one campaign in one mailbox move in one batch; a move whose answer is not a success is made again on
    // its own, where the 404 handling of the single call applies.
    public async Task<IReadOnlyList<MoveOutcome>> MoveAllAsync(string mailboxId, IReadOnlyList<string> messageIds, string destinationFolderId, CancellationToken cancellationToken)
    {
        if (messageIds.Count <= 1) return await MoveOutcome.OneByOneAsync(this, mailboxId, messageIds, destinationFolderId, cancellationToken);
        List<MoveOutcome> outcomes = [];
        foreach (var chunk in messageIds.Chunk(GraphBatch.MaxItems))
        {
            outcomes.AddRange(await GraphBatch.AskEachAsync(graph, chunk,
                messageId => WithImmutableIds(graph.Users[mailboxId].Messages[messageId].Move.ToPostRequestInformation(new MovePostRequestBody { DestinationId = destinationFolderId })),
                async (answers, step, messageId) => new MoveOutcome(await MovedIdAsync(answers, step) ?? messageId, null),
                messageId => MoveOutcome.OfAsync(() => MoveAsync(mailboxId, messageId, destinationFolderId, cancellationToken)),
                cancellationToken));
        }
        return outcomes;
    }

    private static async Task<string?> MovedIdAsync(BatchResponseContentCollection answers, string step)
    {
        using var answer = await answers.GetResponseByIdAsync(step);
        using var moved = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return moved.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } newId ? newId : null;
    }

    // The next EnsureHiddenFolderAsync or GetFolderIdAsync for this mailbox asks Graph again.
    private void ForgetFolder(string mailboxId, string folderId)
    {
        foreach (var entry in _folderIds.Where(e => e.Key.Mailbox == mailboxId && e.Value == folderId))
        {
            _folderIds.TryRemove(entry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {MailboxId} has a folder its user sees named {Name}, as the quarantine is; it is left alone and quarantined copies go to the hidden folder {Hidden}. An appender's IMAP client may have made it")]
    private partial void LogNamesake(string mailboxId, string name, string hidden);
}

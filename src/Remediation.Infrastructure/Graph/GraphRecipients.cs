using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Remediation.Infrastructure.Graph;

/// <summary>
/// Finds users behind names and addresses in the directory. <c>GET /users/{x}</c> resolves only an object id or a user
/// principal name; an alias, a primary SMTP address other than the user principal name, or a group is found by its
/// <c>proxyAddresses</c>, which Graph filters with <c>any</c> and <c>eq</c> without advanced query parameters
/// (https://learn.microsoft.com/graph/aad-advanced-queries, user and group properties). Each answer is kept for an
/// hour (<see cref="DirectoryAnswers{TValue}"/>), so a campaign's recipients cost the directory one look each.
/// </summary>
internal sealed partial class GraphRecipients(GraphServiceClient graph, TimeProvider clock, ILogger logger)
{
    // The largest page of directory objects Graph serves.
    private const int PageSize = 999;

    // A few batches at once keep a large campaign's lookups short.
    private const int BatchesAtOnce = 8;
    private const string ConsistencyLevel = "ConsistencyLevel";
    private const string Eventual = "eventual";
    private static readonly string[] IdOnly = ["id"];

    private readonly DirectoryAnswers<string?> _userIds = new(clock);
    private readonly DirectoryAnswers<IReadOnlyList<string>> _mailboxes = new(clock);

    /// <summary>The object id of the user with this user principal name or object id, or null.</summary>
    public async Task<string?> FindUserIdAsync(string userPrincipalName, CancellationToken cancellationToken)
    {
        if (_userIds.TryGet(userPrincipalName, out var cached)) return cached;
        try
        {
            var user = await graph.Users[userPrincipalName].GetAsync(r => r.QueryParameters.Select = IdOnly, cancellationToken);
            return _userIds.Keep(userPrincipalName, user?.Id);
        }
        catch (ApiException error) when (error.ResponseStatusCode is 404 || Refused(error))
        {
            return _userIds.Keep(userPrincipalName, (string?)null);
        }
    }

    /// <summary>The users that mail to this address reaches: its user, or every user in its group through nested groups.</summary>
    public async Task<IReadOnlyList<string>> FindMailboxesAsync(string address, CancellationToken cancellationToken)
    {
        if (_mailboxes.TryGet(address, out var cached)) return cached;
        return await BeyondUsersAsync(address, await UserByAddressAsync(address, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The users each address reaches. Nearly every recipient of a campaign is a user, so the users are asked for
    /// twenty addresses a batch; an address no user holds goes on to groups and user principal names on its own.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindMailboxesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_mailboxes.TryGet(address, out var cached)) found[address] = cached;
            else unknown.Add(address);
        }
        await Parallel.ForEachAsync(unknown.Chunk(GraphBatch.MaxItems), new ParallelOptions { MaxDegreeOfParallelism = BatchesAtOnce, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            foreach (var (address, user) in await UsersByAddressAsync(chunk, ct)) found[address] = await BeyondUsersAsync(address, user, ct);
        });
        return found;
    }

    // A user found, or else a group behind the address, or else a user principal name that is none of the user's mail
    // addresses; a contact or an unknown address finds nothing.
    private async Task<IReadOnlyList<string>> BeyondUsersAsync(string address, string? user, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> found =
            user is not null ? [user]
            : await GroupByAddressAsync(ByAddress(address), cancellationToken) is { } group ? await TransitiveUsersAsync(group, cancellationToken)
            : await FindUserIdAsync(address, cancellationToken) is { } named ? [named]
            : [];
        return _mailboxes.Keep(address, found);
    }

    // Directory strings compare without regard to case, so "smtp:" finds the "SMTP:" primary address too.
    private static string ByAddress(string address) => $"proxyAddresses/any(a:a eq 'smtp:{address.Replace("'", "''", StringComparison.Ordinal)}')";

    private async Task<string?> UserByAddressAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            var users = await graph.Users.GetAsync(r => UserQuery(r, address), cancellationToken);
            return users?.Value?.FirstOrDefault()?.Id;
        }
        catch (ApiException error) when (Refused(error))
        {
            return null;
        }
    }

    // A header's address the directory refuses to look up (malformed, or longer than a request line) reaches no mailbox:
    // one such recipient must not fail the search of all the others.
    private static bool Refused(ApiException error) => error.ResponseStatusCode is 400 or 414;

    private static void UserQuery(RequestConfiguration<Microsoft.Graph.Users.UsersRequestBuilder.UsersRequestBuilderGetQueryParameters> request, string address)
    {
        request.QueryParameters.Filter = ByAddress(address);
        request.QueryParameters.Select = IdOnly;
    }

    private async Task<IEnumerable<(string Address, string? User)>> UsersByAddressAsync(string[] addresses, CancellationToken cancellationToken)
    {
        if (addresses.Length == 1) return [(addresses[0], await UserByAddressAsync(addresses[0], cancellationToken))];
        var users = await GraphBatch.AskEachAsync(graph, addresses,
            address => graph.Users.ToGetRequestInformation(r => UserQuery(r, address)),
            async (answers, step, _) => (await answers.GetResponseByIdAsync<UserCollectionResponse>(step))?.Value?.FirstOrDefault()?.Id,
            address => UserByAddressAsync(address, cancellationToken),
            cancellationToken);
        return addresses.Zip(users);
    }

    // Groups need GroupMember.Read.All besides User.Read.All. A deployment without it still searches every user
    // recipient; its lists are logged as not expanded rather than failing the whole campaign.
    private async Task<string?> GroupByAddressAsync(string filter, CancellationToken cancellationToken)
    {
        try
        {
            var groups = await graph.Groups.GetAsync(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = IdOnly;
            }, cancellationToken);
            return groups?.Value?.FirstOrDefault()?.Id;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 403)
        {
            LogGroupsDenied(filter, error.Error?.Code);
            return null;
        }
        catch (ApiException error) when (Refused(error))
        {
            return null;
        }
    }

    // Casting transitiveMembers to users is an advanced query: ConsistencyLevel: eventual and $count=true, on every page
    // (https://learn.microsoft.com/graph/api/group-list-transitivemembers). The index behind it may lag a recent change.
    private async Task<IReadOnlyList<string>> TransitiveUsersAsync(string groupId, CancellationToken cancellationToken)
    {
        var firstPage = await graph.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(r =>
        {
            r.QueryParameters.Select = IdOnly;
            r.QueryParameters.Top = PageSize;
            r.QueryParameters.Count = true;
            r.Headers.Add(ConsistencyLevel, Eventual);
        }, cancellationToken);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (firstPage is null) return [];
        var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, firstPage, user =>
        {
            if (user.Id is { } id) ids.Add(id);
            return true;
        }, request =>
        {
            request.Headers.Add(ConsistencyLevel, Eventual);
            return request;
        });
        await pages.IterateAsync(cancellationToken);
        return [.. ids];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Groups cannot be read ({Code}): the recipient {Filter} is not expanded; grant GroupMember.Read.All")]
    private partial void LogGroupsDenied(string filter, string? code);
}

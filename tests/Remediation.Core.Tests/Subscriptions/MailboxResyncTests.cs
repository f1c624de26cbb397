using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;
using Remediation.Core.Verdicts;

namespace Remediation.Core.Tests.Subscriptions;

/// <summary>The resync's decisions, on an in-memory Graph: which folders, from where, bounded how.</summary>
public sealed class MailboxResyncTests
{
    private const string Mailbox = "5f0c6a51-3a61-4c34-b2d4-1b9b3e0c8e10";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeGraph _graph = new();
    private readonly FakeRegistry _registry = new();
    private readonly FakeQueue _queue = new();
    private readonly InMemoryVerdictStore _verdicts = new();

    [Fact]
    public async Task Resync_FirstReadOfAFolder_IsBoundedByTheWindow()
    {
        _graph.Folders.Add(new ListedFolder("projects-2026", "2026", 1));

        await NewResync(TimeSpan.FromDays(3)).ResyncAsync(Mailbox, CancellationToken.None);

        var read = Assert.Single(_graph.Reads);
        Assert.Null(read.DeltaLink);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromDays(3), read.Since);
    }

    [Fact]
    public async Task Resync_EveryListedFolder_IsReadFromItsOwnDeltaLinkAndQueuesOnlyUnscanned()
    {
        _graph.Folders.AddRange([new ListedFolder("inbox-id", "Inbox", 0), new ListedFolder("nested-id", "2026", 1)]);
        _registry.Links[(Mailbox, "inbox-id")] = "inbox-link";
        _graph.Changes["nested-id"] = ["scanned", "new"];
        await ScannedAsync(Mailbox, "scanned");

        var result = await NewResync().ResyncAsync(Mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 2, Queued: 1), result);
        Assert.Equal([("inbox-id", "inbox-link"), ("nested-id", null)], _graph.Reads.Select(r => (r.FolderId, r.DeltaLink)));
        Assert.Equal(["new"], _queue.Scans.Select(s => s.MessageId));
        Assert.Equal("link-nested-id", _registry.Links[(Mailbox, "nested-id")]);
    }

    [Fact]
    public async Task Resync_MessageScannedInAnotherMailboxOnly_IsQueued()
    {
        _graph.Folders.Add(new ListedFolder("inbox-id", "Inbox", 0));
        _graph.Changes["inbox-id"] = ["shared-id"];
        await ScannedAsync("0b8e5d2c-7a14-4f6e-9c3d-2e1f0a9b8c7d", "shared-id");

        var result = await NewResync().ResyncAsync(Mailbox, CancellationToken.None);

        Assert.Equal(new ResyncResult(Folders: 1, Queued: 1), result);
        Assert.Equal([(Mailbox, "shared-id")], _queue.Scans.Select(s => (s.MailboxId, s.MessageId)));
    }

    [Fact]
    public async Task Resync_QuarantineFolder_IsNotRead()
    {
        _graph.Folders.AddRange([new ListedFolder("q", new RemediationOptions().QuarantineFolderName, 0), new ListedFolder("inbox-id", "Inbox", 0)]);

        var result = await NewResync().ResyncAsync(Mailbox, CancellationToken.None);

        Assert.Equal(["inbox-id"], _graph.Reads.Select(r => r.FolderId));
        Assert.Equal(1, result.Folders);
    }

    [Fact]
    public async Task Resync_LostDeltaState_StartsOverWithinTheWindow()
    {
        _graph.Folders.Add(new ListedFolder("inbox-id", "Inbox", 0));
        _registry.Links[(Mailbox, "inbox-id")] = FakeGraph.LostLink;

        await NewResync(TimeSpan.FromDays(7)).ResyncAsync(Mailbox, CancellationToken.None);

        Assert.Equal([FakeGraph.LostLink, null], _graph.Reads.Select(r => r.DeltaLink));
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromDays(7), _graph.Reads[^1].Since);
    }

    [Fact]
    public async Task Resync_FolderGoneAfterListing_IsSkippedAndNotCounted()
    {
        _graph.Folders.AddRange([new ListedFolder(FakeGraph.GoneFolder, "Old", 0), new ListedFolder("inbox-id", "Inbox", 0)]);

        var result = await NewResync().ResyncAsync(Mailbox, CancellationToken.None);

        Assert.Equal(1, result.Folders);
        Assert.False(_registry.Links.ContainsKey((Mailbox, FakeGraph.GoneFolder)));
    }

    private MailboxResync NewResync(TimeSpan? window = null) => new(
        _graph,
        _registry,
        _verdicts,
        _queue,
        new NoTelemetry(),
        Options.Create(new SubscriptionOptions { ResyncWindow = window ?? TimeSpan.FromDays(7) }),
        Options.Create(new RemediationOptions()),
        _clock,
        NullLogger<MailboxResync>.Instance);

    private sealed record Read(string FolderId, string? DeltaLink, DateTimeOffset Since);

    private sealed class FakeGraph : ISubscriptionGateway
    {
        public const string LostLink = "lost-link";
        public const string GoneFolder = "gone";

        public List<ListedFolder> Folders { get; } = [];

        public Dictionary<string, List<string>> Changes { get; } = [];

        public List<Read> Reads { get; } = [];

        public async IAsyncEnumerable<ListedFolder> ListFoldersAsync(string mailboxId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var folder in Folders)
            {
                await Task.Yield();
                yield return folder;
            }
        }

        public Task<FolderChanges?> ReadFolderChangesAsync(
            string mailboxId, string folderId, string? deltaLink, DateTimeOffset receivedSince, CancellationToken cancellationToken)
        {
            Reads.Add(new Read(folderId, deltaLink, receivedSince));
            if (deltaLink == LostLink) throw new SyncStateLostException("gone");
            return Task.FromResult(folderId == GoneFolder ? null : new FolderChanges(Changes.GetValueOrDefault(folderId) ?? [], $"link-{folderId}"));
        }

        public IAsyncEnumerable<string> ListMailboxesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MailboxSubscription> CreateAsync(string mailboxId, SubscriptionRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DateTimeOffset?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class FakeRegistry : ISubscriptionRegistry
    {
        public Dictionary<(string Mailbox, string Folder), string?> Links { get; } = [];

        public Task<string?> GetDeltaLinkAsync(string mailboxId, string folderId, CancellationToken cancellationToken) =>
            Task.FromResult(Links.GetValueOrDefault((mailboxId, folderId)));

        public Task SaveDeltaLinkAsync(string mailboxId, string folderId, string? deltaLink, CancellationToken cancellationToken)
        {
            Links[(mailboxId, folderId)] = deltaLink;
            return Task.CompletedTask;
        }

        public Task<MailboxSubscription?> FindByMailboxAsync(string mailboxId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MailboxSubscription?> FindBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<MailboxSubscription> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private Task ScannedAsync(string mailboxId, string messageId) => _verdicts.SaveAsync(
        new VerdictRecord(mailboxId, messageId, null, VerdictBand.Clean, ThreatCategory.Clean, 0, [], _clock.GetUtcNow()), CancellationToken.None);

    private sealed class FakeQueue : IWorkQueue
    {
        public List<ScanRequest> Scans { get; } = [];

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            Scans.Add(Assert.IsType<ScanRequest>(message));
            return Task.CompletedTask;
        }

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NoTelemetry : IPipelineTelemetry
    {
        public void Emit(PipelineEvent pipelineEvent)
        {
        }
    }
}

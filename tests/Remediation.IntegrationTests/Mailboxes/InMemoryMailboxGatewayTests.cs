using Remediation.Core.Mailboxes;

namespace Remediation.IntegrationTests.Mailboxes;

public sealed class InMemoryMailboxGatewayTests : MailboxGatewayContract
{
    private readonly InMemoryMailboxGateway _store = new();

    protected override IMailboxGateway Gateway => _store;

    protected override string AddMailbox(string userPrincipalName, bool reachable = true) => _store.AddMailbox(userPrincipalName, reachable);

    protected override void AddAlias(string recipientId, string address) => _store.AddAlias(recipientId, address);

    protected override string AddGroup(string mail) => _store.AddGroup(mail);

    protected override string AddContact(string externalAddress) => _store.AddContact(externalAddress);

    protected override void AddMember(string groupId, string memberId) => _store.AddMember(groupId, memberId);

    protected override string AddFolder(string mailboxId, string displayName) => _store.AddFolder(mailboxId, displayName);

    protected override Task<bool> IsHiddenAsync(string mailboxId, string folderId) => Task.FromResult(_store.IsHidden(mailboxId, folderId));

    protected override string AddMessage(string mailboxId, string mime, string folder = WellKnownFolders.Inbox) => _store.AddMessage(mailboxId, mime, folder);

    protected override string? FolderOf(string mailboxId, string messageId) => _store.FolderOf(mailboxId, messageId);

    protected override void PurgeRecoverableItems(string mailboxId) => _store.PurgeRecoverableItems(mailboxId);

    protected override void DeleteFolder(string mailboxId, string folderId) => _store.DeleteFolder(mailboxId, folderId);

    protected override string DeliverMeetingRequest(string mailboxId, string mime) => _store.DeliverMeetingRequest(mailboxId, mime);

    protected override int CalendarEntries(string mailboxId) => _store.CalendarEntriesOf(mailboxId).Count;

    protected override void DenyCalendarAccess() => _store.DenyCalendarAccess();

    protected override string AddTeamsChat(string mailboxId, string fromAddress, string text) => _store.AddTeamsChat(mailboxId, fromAddress, text);
}

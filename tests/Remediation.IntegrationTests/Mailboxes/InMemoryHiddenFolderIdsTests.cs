using Remediation.Core.Mailboxes;

namespace Remediation.IntegrationTests.Mailboxes;

public sealed class InMemoryHiddenFolderIdsTests : HiddenFolderIdsContract
{
    protected override IHiddenFolderIds Folders { get; } = new InMemoryHiddenFolderIds();
}

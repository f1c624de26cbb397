namespace Remediation.TenantSimulator.Model;

/// <summary>A mail folder; <see cref="WellKnownName"/> is null for folders users created.</summary>
internal sealed record MailFolder(string Id, string DisplayName, string? WellKnownName, string ParentFolderId, bool IsHidden)
{
    /// <summary>Recoverable Items sit outside the folder tree that mailbox-wide listings cover.</summary>
    public bool IsRecoverableItems => WellKnownName == WellKnownFolders.RecoverableItemsDeletions;
}

/// <summary>A folder with its item and child folder counts at the time it was read.</summary>
internal sealed record MailFolderView(MailFolder Folder, int TotalItemCount, int UnreadItemCount, int ChildFolderCount);

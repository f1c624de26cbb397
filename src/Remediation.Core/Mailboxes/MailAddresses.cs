namespace Remediation.Core.Mailboxes;

/// <summary>What a mail address can be, whoever wrote it into a header.</summary>
public static class MailAddresses
{
    /// <summary>
    /// RFC 5321 caps an address at 254 characters. A longer one in a header reaches no mailbox; the sender writes it only
    /// to make a row or a directory request larger than the service takes, which would fail the stage before it acts.
    /// </summary>
    public const int MaxLength = 254;

    /// <summary>True for an address with a local part and a domain, short enough for any mailbox to have it.</summary>
    public static bool CanExist(string address) => address.Length <= MaxLength && address.IndexOf('@', StringComparison.Ordinal) > 0;
}

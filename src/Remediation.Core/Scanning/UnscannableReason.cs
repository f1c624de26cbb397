namespace Remediation.Core.Scanning;

/// <summary>Which bound on a scan's cost a message exceeded.</summary>
public enum ScanLimit
{
    MessageSize,
    HeaderSize,
    NotMime,
    MimeDepth,
    MimeParts,
    BodyText,
    AttachmentText,
    Archive,
    RuleFailed,
}

/// <summary>Why a message could not be scanned in full: the limit, and what the analyst reads about it.</summary>
public sealed record UnscannableReason(ScanLimit Limit, string Description)
{
    public override string ToString() => Description;
}

namespace Remediation.Core.Scanning.Lures;

/// <summary>What every lure rule needs besides its words: somewhere to send the reader.</summary>
internal static class LureEvidence
{
    public static bool HasLink(ScannedMessage message) => message.Links.Count > 0 || message.Anchors.Count > 0;
}

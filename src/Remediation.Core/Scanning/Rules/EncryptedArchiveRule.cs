namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A password-protected archive, or one that cannot be opened: its content is hidden from every scanner, which is
/// why malware travels that way.
/// </summary>
public sealed class EncryptedArchiveRule : IScanRule
{
    public const string Name = "ENCRYPTED_ARCHIVE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments)
        {
            if (attachment.Archive is not { } archive) continue;
            if (archive.HasEncryptedEntries || !archive.IsReadable)
            {
                var why = archive.IsReadable ? "is password-protected" : "cannot be opened";
                yield return new RuleHit(Name, 3, ThreatCategory.Malware, $"Archive \"{attachment.FileName}\" {why}, so its content cannot be checked.");
                yield break;
            }
        }
    }
}

namespace Remediation.Core.Scanning.Rules;

/// <summary>The EICAR anti-malware test file, attached or inside an archive: handled as malware, as every scanner does.</summary>
public sealed class EicarTestFileRule : IScanRule
{
    public const string Name = "EICAR_TEST_FILE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments)
        {
            var entry = attachment.Archive?.Entries.FirstOrDefault(e => e.IsEicar);
            if (attachment.IsEicar || entry is not null)
            {
                var where = entry is null ? $"\"{attachment.FileName}\"" : $"{entry.Path} in \"{attachment.FileName}\"";
                yield return new RuleHit(Name, 20, ThreatCategory.Malware, $"Attachment {where} is the EICAR test file.");
                yield break;
            }
        }
    }
}

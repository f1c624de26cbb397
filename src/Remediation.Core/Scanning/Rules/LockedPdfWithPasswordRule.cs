using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An encrypted PDF whose password the same message gives ("password: 1234", "Senha do PDF: 7310"). A lock with its key
/// beside it keeps no reader out, only the scanners that would read the links and words inside; organisations that
/// protect statements and payslips agree the password elsewhere (a date of birth, a customer number) instead of
/// writing it down. PDFs locked only against printing or copying open without a password, and no password is given
/// for them, so they do not count. It says the sender hides the document, not what it wants, so it adds to the score
/// without naming the threat.
/// </summary>
public sealed class LockedPdfWithPasswordRule : IScanRule
{
    public const string Name = "LOCKED_PDF_WITH_PASSWORD";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var locked = message.Attachments.FirstOrDefault(a => a.IsLockedPdf);
        if (locked is null) yield break;
        if (PdfPasswords.GivenIn(message.FoldedWording).FirstOrDefault() is { } given)
        {
            var opened = locked.OpenedWith is null ? "" : "; opened with it, its links are read";
            yield return new RuleHit(Name, 4, ThreatCategory.Clean,
                $"PDF \"{locked.FileName}\" is encrypted and the message gives its password (\"{given.Value.Trim()}\"): the lock keeps out only the scanners{opened}.");
        }
    }
}

using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Attachments;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An encrypted PDF whose password the same message gives ("password: 1234", "Senha do PDF: 7310"). A lock with its key
/// beside it keeps no reader out, only the scanners that would read the links and words inside; organisations that
/// protect statements and payslips agree the password elsewhere (a date of birth, a customer number) instead of
/// writing it down. PDFs locked only against printing or copying open without a password, and no password is given
/// for them, so they do not count. It says the sender hides the document, not what it wants, so it adds to the score
/// without naming the threat.
/// </summary>
public sealed partial class LockedPdfWithPasswordRule : IScanRule
{
    public const string Name = "LOCKED_PDF_WITH_PASSWORD";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var locked = message.Attachments.FirstOrDefault(a => a.Kind == FileKind.Pdf && IsEncrypted(a.Content.Span));
        if (locked is null) yield break;
        foreach (Match given in GivenPassword().Matches(message.FoldedSubjectAndText))
        {
            // The pattern wants a digit ("password: your date of birth" describes the key without giving it); a
            // single digit or a long number (an account, a phone) is no password.
            if (given.Groups["value"].Length is < 3 or > 16) continue;
            yield return new RuleHit(Name, 4, ThreatCategory.Clean,
                $"PDF \"{locked.FileName}\" is encrypted and the message gives its password (\"{given.Value.Trim()}\"): the lock keeps out only the scanners.");
            yield break;
        }
    }

    // The encryption dictionary is named in the trailer (or the cross-reference stream) of every encrypted PDF.
    private static bool IsEncrypted(ReadOnlySpan<byte> pdf) => pdf.IndexOf("/Encrypt"u8) >= 0;

    // The word for password in the lexicon's languages, up to six words on what it opens ("do PDF", "para abrir o
    // documento em anexo", "for the document"), then a value with a digit in it, after a colon, "is", "=" or nothing.
    [GeneratedRegex(
        @"\b(password|passwort|kennwort|senha|contrasena|clave|mot\s+de\s+passe|wachtwoord|parola\s+d'ordine)" +
        @"(\s+[a-z]{1,12}){0,6}" +
        @"\s*(=|:|-)?\s*[""'«]?\b(?<value>[a-z0-9]{0,15}[0-9][a-z0-9]{0,15})\b" +
        @"|パスワード\s*[:：は]\s*(?<value>[A-Za-z0-9]{0,15}[0-9][A-Za-z0-9]{0,15})",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex GivenPassword();
}

using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// Passwords a message gives for its locked PDF ("password: 1234", "Senha do PDF: 7310"), read from its folded subject
/// and text: a value with a digit in it, of 3 to 16 characters ("password: your date of birth" describes a key without
/// giving it; a single digit or a long number, such as an account or a phone, is no password).
/// </summary>
internal static partial class PdfPasswords
{
    // More candidates than a lure writes are not worth a decryption each.
    private const int MaxCandidates = 3;

    public static IEnumerable<Match> GivenIn(string foldedText) =>
        GivenPassword().Matches(foldedText).Where(given => given.Groups["value"].Length is >= 3 and <= 16).Take(MaxCandidates);

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

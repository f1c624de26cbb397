using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The fake exchange's handout: a login and password written into the mail, for a crypto balance the reader is told is
/// theirs ("your wallet has been funded with 51.85 BTC", "the bitcoin details I found in a lost bag"). The site shows
/// the balance, and withdrawing it asks for a fee first: advance-fee fraud with a login for a story. No service mails a
/// password with a balance, and no link is needed: the site's name is written out, often with spaces. Read in the
/// lexicon's languages without accents.
/// </summary>
public sealed partial class FakeExchangeLoginRule : IScanRule
{
    public const string Name = "FAKE_EXCHANGE_LOGIN";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var text = message.FoldedWording;
        var password = Password().Matches(text).FirstOrDefault(m => m.Groups["value"].ValueSpan.ContainsAnyInRange('0', '9'));
        if (password is null || !Login().IsMatch(text)) yield break;
        var balance = CryptoBalance().Match(text);
        if (balance.Success)
        {
            yield return new RuleHit(Name, 8, ThreatCategory.Phishing,
                $"Hands the reader a login and password (\"{password.Value}\") to a crypto balance (\"{balance.Value}\"): a fake exchange, whose withdrawal asks for a fee first.");
        }
    }

    // A password field with its value, as a handout writes it ("Password : bx5vbi99", "Pass: tHvb862M"): four characters
    // or more with a digit among them, so prose ("change your password: reset it") and a locked PDF's "Senha: 123" are
    // not read as one. Handouts align their fields in columns with runs of spaces.
    [GeneratedRegex(@"\b(password|pass|pwd|passwort|kennwort|senha|contrasena|clave|mot\s+de\s+passe|wachtwoord)\s{0,8}:\s{0,8}[""']?(?<value>[^\s""']{4,40})",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Password();

    // The login that goes with it ("Customer ID : 61363414", "Login: victoria").
    [GeneratedRegex(@"\b(id|login|user\s?name|user|usuario|utilisateur|benutzername|gebruikersnaam)\s{0,8}:\s{0,8}[""']?[^\s""']{3,}",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Login();

    // An amount in a coin ("80.9 BTC", "90.8 BITCOIN", "1.250 USDT").
    [GeneratedRegex(@"\b\d[\d.,]*\s?(btc|bitcoins?|eth|ether|usdt|xrp)\b", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CryptoBalance();
}

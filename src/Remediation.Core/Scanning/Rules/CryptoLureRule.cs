using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The wallet drainer's lure: connect or validate a wallet, type a recovery phrase, claim an airdrop or tokens,
/// withdraw funds, with a link. Whatever the reward, the page takes the wallet: phishing.
/// </summary>
public sealed class CryptoLureRule : IScanRule
{
    public const string Name = "CRYPTO_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        var text = message.FoldedSubjectAndText;
        var crypto = LureLexicon.Crypto(text);
        if (!crypto.Success) yield break;
        var urgency = message.Urgency;
        yield return urgency.Success
            ? new RuleHit(Name, 4, ThreatCategory.Phishing, $"Asks to act on a crypto wallet (\"{crypto.Value}\") under pressure (\"{urgency.Value}\"), with a link.")
            : new RuleHit(Name, 3, ThreatCategory.Phishing, $"Asks to act on a crypto wallet (\"{crypto.Value}\"), with a link.");
    }
}

using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The wallet drainer's lure: connect or validate a wallet, type a recovery phrase, claim an airdrop or tokens,
/// withdraw funds, with a link. Whatever the reward, the page takes the wallet: phishing.
/// </summary>
public sealed class CryptoLureRule : IScanRule
{
    public const string Name = "CRYPTO_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message) =>
        LureEvidence.Weigh(message, LureLexicon.Crypto, Name, ThreatCategory.Phishing, pressed: 4, unpressed: 3, "Asks to act on a crypto wallet");
}

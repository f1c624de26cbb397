using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ExtortionRuleTests
{
    private const string Wallet = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";

    private readonly ExtortionRule _sut = new();

    // Written for these tests: each language's claim of intrusion, with the ransom in Bitcoin.
    [Theory]
    [InlineData("I hacked your device a month ago and installed a trojan. Send $1,450 in Bitcoin to my wallet: " + Wallet)]
    [InlineData("Ich habe einen Trojaner installiert und Sie über die Kamera gefilmt, Ihr Gerät ist gehackt. Bitcoin-Adresse: " + Wallet)]
    [InlineData("Hackeei o seu dispositivo e instalei um malware. Envie 1200 USD em bitcoin para " + Wallet)]
    [InlineData("Hackeé tu dispositivo e instalé un troyano. Dirección bitcoin: " + Wallet)]
    [InlineData("J'ai piraté votre appareil et installé un logiciel espion. Envoyez 1200 € en bitcoin à " + Wallet)]
    [InlineData("Ik heb malware geïnstalleerd op uw apparaat en heb je gefilmd. Bitcoin adres: " + Wallet)]
    [InlineData("Ho hackerato il tuo dispositivo e ho installato un trojan. Indirizzo bitcoin: " + Wallet)]
    [InlineData("I attached a trojan to a video site you opened, and it switched on your camera. Pay 800 USD in bitcoin.")]
    [InlineData("I have full access to your computer since spring. Send $900 in bitcoin within two days.")]
    [InlineData("Tenho acesso total ao seu computador há meses. Transfira 700 USD para o meu endereço Bitcoin.")]
    [InlineData("O seu PC foi infetado com malware num site que visitou. Endereço de bitcoin: " + Wallet)]
    public void Evaluate_IntrusionClaimWithACryptoDemand_IsPhishing(string body)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Your privacy", body)));

        Assert.Equal(ExtortionRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.True(hit.Weight >= 8, hit.Reason);
    }

    [Theory]
    [InlineData("Attackers often claim they hacked your device and installed a trojan. Do not reply to such mail.")]
    [InlineData("Thanks for supporting the project! Our donation address is " + Wallet)]
    [InlineData("Our IT team installed antivirus software on your computer. Club dues of $20 in bitcoin are welcome too.")]
    public void Evaluate_ClaimOrDemandAlone_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Notice", body)));
    }
}

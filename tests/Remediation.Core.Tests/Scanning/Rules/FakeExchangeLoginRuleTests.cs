using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class FakeExchangeLoginRuleTests
{
    private readonly FakeExchangeLoginRule _sut = new();

    // Written for these tests: a login, a password and a balance in a coin, as the handouts write them.
    [Theory]
    [InlineData("Deposit", "Good news: 12.4 BTC were credited to your trading account. Sign in at coinvault dot example. User ID: 55120934 Password: Rt7kq2wz")]
    [InlineData("Found this", "My cousin left these details at the hotel and I know nothing about crypto. Site: vaultcoin . example ID : 80417723 Pass: hQ29xLmp Balance 64.2 BITCOIN")]
    [InlineData("Depósito", "Depositamos 3,75 BTC na sua carteira conforme solicitado. Usuario: 71204 Senha: Lm83kdq1")]
    [InlineData("Einzahlung", "Ihr Konto wurde mit 2.500 USDT aufgeladen. Login: kunde-88120 Passwort: Qw8rt5zu")]
    // Fields aligned in a column, with spaces or non-breaking spaces.
    [InlineData("Balance", "Your wallet now holds 7.3 BTC.\n\nSite        :  coinvault.example\nMember ID   :   40912277\nPassword    :  ze4pw81k")]
    [InlineData("Balance", "Your wallet now holds 7.3 BTC. Member ID :\u00a0\u00a0 40912277 Password\u00a0\u00a0\u00a0 :\u00a0 ze4pw81k")]
    public void Evaluate_LoginAndPasswordForACryptoBalance_IsPhishing(string subject, string body)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText(subject, body)));

        Assert.Equal(FakeExchangeLoginRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal(8, hit.Weight);
        Assert.Contains("a fake exchange", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    // A service's own words about passwords beside a balance: no password is handed out.
    [InlineData("Withdrawal requested", "A withdrawal of 0.5 BTC was requested from account ID: 4471. Not you? Change your password: https://exchange.example/security")]
    [InlineData("Deposit confirmed", "Your deposit of 0.25 BTC is confirmed. We will never ask for your password.")]
    // A temporary password without a coin: an ordinary welcome mail.
    [InlineData("Welcome", "Your account is ready. Username: j.doe Password: Tmp48291 (you must change it at first sign-in).")]
    // A password and a balance, but no login to go with them.
    [InlineData("Wallet backup", "Your backup holds 1.2 ETH. Backup password: Kx93mmq1")]
    // A locked PDF's password is another lure's.
    [InlineData("Fatura", "Protocolo: 88120 Senha: 123 Valor: 0,5 BTC")]
    public void Evaluate_WithoutAHandedOutLoginForACoin_DoesNotFire(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body)));
    }
}

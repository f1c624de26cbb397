using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class HelpDeskLureRuleTests
{
    private const string Lure = "Verify your wallet to keep access to your funds.\n\nhttps://portal.landing.example/verify";

    private readonly HelpDeskLureRule _sut = new();

    [Theory]
    [InlineData("\"Wallet Security\" <support@pcqxvbnt.zendesk.com>", "pcqxvbnt.zendesk.com", "zendesk.com")]
    [InlineData("\"Support\" <help@trial-desk.freshdesk.com>", "trial-desk.freshdesk.com", "freshdesk.com")]
    [InlineData("\"Support\" <help@qwrtz.zohodesk.com>", "qwrtz.zohodesk.com", "zohodesk.com")]
    [InlineData("\"Support\" <help@qwrtz.zohodesk.eu>", "qwrtz.zohodesk.eu", "zohodesk.eu")]
    [InlineData("\"Support\" <help@qwrtz.zohodesk.in>", "qwrtz.zohodesk.in", "zohodesk.in")]
    [InlineData("\"Support\" <help@qwrtz.kayako.com>", "qwrtz.kayako.com", "kayako.com")]
    [InlineData("\"Support\" <help@qwrtz.happyfox.com>", "qwrtz.happyfox.com", "happyfox.com")]
    [InlineData("\"Support\" <help@_.zendesk.com>", "_.zendesk.com", "zendesk.com")] // a desk name without a letter signs for no one
    public void Evaluate_LureFromADeskThatIsNotTheSenders_Fires(string from, string desk, string platform)
    {
        var hit = Assert.Single(_sut.Evaluate(Mail(from, Lure)));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.StartsWith($"Sent through the help desk {desk} by \"", hit.Reason, StringComparison.Ordinal);
        Assert.Contains("(\"Verify your wallet\")", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"anyone can open a desk on {platform} and have it mail any address.", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LureFromADeskWithoutASenderName_SaysSo()
    {
        var hit = Assert.Single(_sut.Evaluate(Mail("support@pcqxvbnt.zendesk.com", Lure)));

        Assert.StartsWith("Sent through the help desk pcqxvbnt.zendesk.com without a sender name, with a lure", hit.Reason, StringComparison.Ordinal);
    }

    // A company's own desk signs with its name, whole or in part, and may well ask a customer to verify an account.
    [Theory]
    [InlineData("\"Acme Support\" <support@acmecorp.zendesk.com>")]
    [InlineData("\"FabrikamIT\" <help@fabrikam-it.freshdesk.com>")]
    [InlineData("\"Fab IT\" <help@fabit.zendesk.com>")]
    [InlineData("\"Northwind Traders Support\" <support@northwindtraders.zendesk.com>")]
    [InlineData("\"Northwind Help Center\" <support@northwindtraders.zendesk.com>")]
    [InlineData("\"Fabrikam-IT\" <help@fabrikam-it.freshdesk.com>")]
    public void Evaluate_DeskSigningWithItsOwnName_DoesNotFire(string from)
    {
        Assert.Empty(_sut.Evaluate(Mail(from, Lure)));
    }

    [Theory]
    [InlineData("\"Wallet Security\" <support@pcqxvbnt.zendesk.com>", "Thanks for writing to us. We will answer within a day.")]
    [InlineData("\"Wallet Security\" <support@zendesk.com>", Lure)]          // the platform's own mail, no desk
    [InlineData("\"Wallet Security\" <support@zendesk.com.example>", Lure)]
    [InlineData("\"Wallet Security\" <support@shop.example>", Lure)]
    public void Evaluate_NoLureOrNoHostedDesk_DoesNotFire(string from, string body)
    {
        Assert.Empty(_sut.Evaluate(Mail(from, body)));
    }

    private static ScannedMessage Mail(string from, string body) =>
        RuleMail.Headers($"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: Your request (48213) has been updated", body);
}

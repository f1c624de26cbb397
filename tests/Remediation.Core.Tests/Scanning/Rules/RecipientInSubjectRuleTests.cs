using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class RecipientInSubjectRuleTests
{
    private readonly RecipientInSubjectRule _sut = new();

    [Theory]
    [InlineData("alice@contoso.example has reached the quota limit")]
    [InlineData("New message for ALICE@contoso.example")]
    [InlineData("Invitation (alice@contoso.example) to verify")]
    public void Evaluate_SubjectNamesTheRecipientsAddress_Fires(string subject)
    {
        var hit = Assert.Single(_sut.Evaluate(Mail(subject)));

        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Contains("alice@contoso.example", hit.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Invitation: Budget review @ Tue 2 Dec 2025 10:00 - 11:00 (CET) (alice@contoso.example)")]
    [InlineData("Alice, your mailbox is almost full")]
    [InlineData("Quota warning for bob@contoso.example")]
    public void Evaluate_NoAddressOfTheRecipientOrACalendarSuffix_DoesNotFire(string subject)
    {
        Assert.Empty(_sut.Evaluate(Mail(subject)));
    }

    [Fact]
    public void Evaluate_MailingListNamedInItsOwnSubject_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(Mail("Re: digest for alice@contoso.example", "List-Id: <team.contoso.example>\r\n")));
    }

    private static ScannedMessage Mail(string subject, string extraHeaders = "") => TestMail.Read(TestMail.Parse(
        $"From: news@partner.example\r\nTo: alice@contoso.example\r\n{extraHeaders}Subject: {subject}\r\nContent-Type: text/plain\r\n\r\nHello\r\n"));
}

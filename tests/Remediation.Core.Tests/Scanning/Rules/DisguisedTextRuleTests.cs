using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class DisguisedTextRuleTests
{
    private readonly DisguisedTextRule _sut = new();

    [Fact]
    public void Evaluate_WordsMixingLatinAndCyrillicOrGreek_Fires()
    {
        // "Hеar Likе" with Cyrillic e (U+0435) inside Latin words.
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("H\u0435ar Lik\u0435 never before", "Order today.")));

        Assert.Contains("look-alikes", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WordsBrokenByZeroWidthSpaces_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Notice", "Your pa\u200Bss\u200Bword ex\u200Bpires to\u200Bday.")));

        Assert.Contains("zero-width", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Встреча в пятницу", "Привет, обсудим отчёт Microsoft Teams в пятницу.")]
    [InlineData("Συνάντηση", "Καλημέρα, η συνάντηση είναι στις 10.")]
    [InlineData("Family 👨\u200D👩\u200D👧 photos", "See you soon\u200B")]
    [InlineData("Quarterly figures", "Plain English text with one odd w\u0435ird word.")]
    public void Evaluate_OrdinaryTextInAnyScript_DoesNotFire(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body)));
    }
}

using Remediation.Core.Scanning;
using MimeKit;
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

    [Fact]
    public void Evaluate_TwoMixedWords_QuotesThem()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("H\u0435ar Lik\u0435 never before", "Order today.")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("Words mix Latin letters with Cyrillic or Greek look-alikes: \"H\u0435ar\", \"Lik\u0435\".", hit.Reason);
    }

    [Fact]
    public void Evaluate_ManyMixedWords_QuotesTheFirstThree()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Offer", "B\u0435st pr\u0456ce \u0435ver s\u0435en t\u043Eday")));

        Assert.Equal("Words mix Latin letters with Cyrillic or Greek look-alikes: \"B\u0435st\", \"pr\u0456ce\", \"\u0435ver\".", hit.Reason);
    }

    [Fact]
    public void Evaluate_LatinWordsWithGreekLetters_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("\u0397ello W\u03BFrld", "Hello.")));

        Assert.Contains("look-alikes", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoWordsBrokenByZeroWidthCharacters_CountsThem()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Pa\u200Bssword ex\u200Bpires", "Hello.")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("2 words are broken up by invisible zero-width characters.", hit.Reason);
    }

    [Theory]
    [InlineData("Pa\u200Bssword notice", "Hello.")]
    [InlineData("\u200BPassword\u200B \u200Bnotice\u200B", "Hello\u200B there\u200B.")]
    [InlineData("H\u0435ar this", "Plain words after it.")]
    [InlineData("Zoom\u4F1A\u8B70 Webex\u3067", "Online meeting.")]
    public void Evaluate_OneDisguisedWordOrPaddingOnly_DoesNotFire(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body)));
    }

    [Fact]
    public void Evaluate_MixedWordInSubjectAndInSenderName_AddsUp()
    {
        var hit = Assert.Single(_sut.Evaluate(From("\"P\u0430ypal Service\" <service@pay-notice.example>", "Your \u0430ccount")));

        Assert.Contains("\"P\u0430ypal\"", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BrokenWordInSubjectAndInSenderName_AddsUp()
    {
        var hit = Assert.Single(_sut.Evaluate(From("\"Se\u200Bcurity Desk\" <service@pay-notice.example>", "Your ac\u200Bcount")));

        Assert.StartsWith("2 words are broken up", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MixedWordsEndingTheSenderAddress_Counted()
    {
        var hit = Assert.Single(_sut.Evaluate(From("service@p\u0430ypal.c\u043Em", "Notice")));

        Assert.Contains("\"c\u043Em\"", hit.Reason, StringComparison.Ordinal);
    }

    // A Syriac point over each letter: the reader sees "Netflix Member Service", a word match sees letters apart.
    [Fact]
    public void Evaluate_LatinWordsCarryingMarksOfAnotherScript_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("N\u073Fe\u073Ft\u073Ff\u073Fl\u073Fi\u073Fx\u073F M\u073Fe\u073Fm\u073Fb\u073Fe\u073Fr S\u073Fe\u073Fr\u073Fv\u073Fi\u073Fc\u073Fe\u073F", "Update your billing details.")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal("Latin letters carry marks of another script or strokes drawn through them, which hide the words from a match: \"N\u073Fe\u073Ft\u073Ff\u073Fl\u073Fi\u073Fx\u073F\", \"M\u073Fe\u073Fm\u073Fb\u073Fe\u073Fr\", \"S\u073Fe\u073Fr\u073Fv\u073Fi\u073Fc\u073Fe\u073F\".", hit.Reason);
    }

    // Two marked words are enough, one in the subject and one in the sender's name; the marks at the ends of the
    // combining block Latin owns (U+0300, U+036F) are ordinary, the first one past it is not.
    [Theory]
    [InlineData("Le\u073Fdger notice", "\"Su\u073Fpport\" <care@shop-mail.example>")]
    [InlineData("Le\u0483dger notice", "\"Su\u073Fpport\" <care@shop-mail.example>")]
    public void Evaluate_MarkedWordsInSubjectAndSenderName_AddUp(string subject, string from)
    {
        var hit = Assert.Single(_sut.Evaluate(From(from, subject)));

        Assert.StartsWith("Latin letters carry marks of another script", hit.Reason, StringComparison.Ordinal);
    }

    // Strokes and slashes drawn through a letter (U+0334 to U+0338) sit in Latin's own block, but no language spells with
    // them: "E̷ncomenda re̷tida" is read as a delivery notice and matched as nothing. The marks either side are accents.
    [Theory]
    [InlineData('\u0334')]
    [InlineData('\u0337')]
    [InlineData('\u0338')]
    public void Evaluate_StrokesDrawnThroughLatinLetters_Fires(char stroke)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText($"E{stroke}ncomenda re{stroke}tida", "Pague a taxa.")));

        Assert.Contains($"\"E{stroke}ncomenda\", \"re{stroke}tida\"", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u0333')]
    [InlineData('\u0339')]
    public void Evaluate_AccentsBesideTheStrokes_DoNotFire(char accent)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText($"E{accent}ncomenda re{accent}tida", "Pague a taxa.")));
    }

    [Fact]
    public void Evaluate_LatinsOwnMarksBesideOneMarkedWord_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(From("\"Su\u073Fpport\" <care@shop-mail.example>", "Le\u0300dger noti\u036Fce")));
    }

    // Latin's own combining accents (café written decomposed, Vietnamese), a mark on a letter of its own script, and one marked word.
    [Theory]
    [InlineData("Cafe\u0301 de\u0301ja\u0300 vu", "Tie\u0302\u0301ng Vie\u0323\u0302t co\u0301 da\u0302\u0301u.")]
    [InlineData("\u0645\u064E\u0631\u062D\u064E\u0628\u0627", "\u0915\u093F\u0924\u093E\u092C \u0939\u093F\u0902\u0926\u0940")]
    [InlineData("Notice", "One m\u073Farked word.")]
    public void Evaluate_OrdinaryMarksOrOneMarkedWord_DoesNotFire(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body)));
    }

    private static ScannedMessage From(string from, string subject)
    {
        var mime = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Hello." } };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));
        return TestMail.Read(mime);
    }
}

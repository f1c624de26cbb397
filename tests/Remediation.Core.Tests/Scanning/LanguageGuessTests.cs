using MimeKit;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Tests.Scanning.ModernHam;

namespace Remediation.Core.Tests.Scanning;

public class LanguageGuessTests
{
    [Theory]
    [InlineData("Your parcel is on its way and will be delivered today. Please check the details below.", "en")]
    [InlineData("Ihr Paket kommt heute. Bitte prüfen Sie die Angaben und wählen Sie einen Ablageort.", "de")]
    [InlineData("Olá, seu objeto está a caminho e será entregue hoje. Você pode acompanhar pelo app.", "pt")]
    [InlineData("Hola, tu envío está en reparto y lo recibirás hoy. Gracias por tu compra.", "es")]
    [InlineData("Bonjour, votre colis sera livré aujourd'hui. Vous pouvez suivre votre envoi sur le site.", "fr")]
    [InlineData("Hoi, je pakket wordt vandaag bezorgd. Niet thuis? Kies een andere dag in de app.", "nl")]
    [InlineData("Ciao, la tua spedizione è in consegna oggi. Se non sei in casa ti lasceremo un avviso.", "it")]
    [InlineData("いつもご利用いただきありがとうございます。お荷物のお届け予定をお知らせします。", "ja")]
    public void Of_SentenceInALanguage_NamesIt(string text, string expected) => Assert.Equal(expected, LanguageGuess.Of(text));

    [Theory]
    [InlineData("")]
    [InlineData("482913")]
    [InlineData("Invoice INV-20418")]
    [InlineData("您的包裹已发货，预计明天送达。")]
    public void Of_TooLittleText_IsUnknown(string text) => Assert.Equal(LanguageGuess.Unknown, LanguageGuess.Of(text));

    [Fact]
    public void Of_EveryMessageOfTheModernHamSet_IsItsFoldersLanguageOrTooShortToTell()
    {
        var guesses = ModernHamSet.Names
            .Select(n => (Name: n, Guess: LanguageGuess.Of(TestMail.Read(MimeMessage.Load(Path.Combine(ModernHamSet.Folder, n))).SubjectAndText)))
            .ToList();

        var wrong = guesses.Where(g => g.Guess != LanguageGuess.Unknown && g.Guess != ModernHamSet.LanguageOf(g.Name)).Select(g => $"{g.Name}: {g.Guess}");
        Assert.Empty(wrong);
        // Only one-line meeting replies are too short to tell.
        Assert.True(guesses.Count(g => g.Guess == LanguageGuess.Unknown) <= 5, string.Join('\n', guesses.Where(g => g.Guess == LanguageGuess.Unknown)));
    }

    [Theory]
    [InlineData("the and you", "en")]
    [InlineData("THE AND YOU", "en")]
    [InlineData("the,and;you", "en")]
    [InlineData("Reply: we will be", "en")]
    [InlineData("the and", LanguageGuess.Unknown)]
    [InlineData("theandyou", LanguageGuess.Unknown)]
    public void Of_ThreeFunctionWords_AreEnough(string text, string expected) => Assert.Equal(expected, LanguageGuess.Of(text));

    [Theory]
    [InlineData("the and you der die das", "en")]
    [InlineData("der die das le les des", "de")]
    [InlineData("le les des het een van", "fr")]
    [InlineData("the der die das", "de")]
    public void Of_TiedLanguages_TheFirstListedWins(string text, string expected) => Assert.Equal(expected, LanguageGuess.Of(text));

    [Theory]
    [InlineData("ありがとうございます", "ja")]
    [InlineData("ありがとうござい", LanguageGuess.Unknown)]
    [InlineData("\u3040\u3040\u3040\u3040\u3040\u3040\u3040\u3040\u3040\u3040", "ja")]
    [InlineData("\u30FF\u30FF\u30FF\u30FF\u30FF\u30FF\u30FF\u30FF\u30FF\u30FF", "ja")]
    [InlineData("\u303F\u303F\u303F\u303F\u303F\u303F\u303F\u303F\u303F\u303F", LanguageGuess.Unknown)]
    [InlineData("\u3100\u3100\u3100\u3100\u3100\u3100\u3100\u3100\u3100\u3100", LanguageGuess.Unknown)]
    public void Of_TenKana_AreJapanese(string text, string expected) => Assert.Equal(expected, LanguageGuess.Of(text));

    [Fact]
    public void Of_KanaAmongTenTimesAsManyLetters_IsStillJapanese()
    {
        Assert.Equal("ja", LanguageGuess.Of("ありがとうございます " + new string('x', 90)));
    }

    [Fact]
    public void Of_KanaAmongMoreThanTenTimesAsManyLetters_IsNotJapanese()
    {
        Assert.Equal("en", LanguageGuess.Of("ありがとうございます " + new string('x', 85) + " the and you"));
    }
}

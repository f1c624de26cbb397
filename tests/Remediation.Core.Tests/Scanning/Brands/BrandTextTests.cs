using Remediation.Core.Scanning.Brands;

namespace Remediation.Core.Tests.Scanning.Brands;

/// <summary>Text reduced to the words a reader sees, so a brand is matched however its name is dressed up.</summary>
public sealed class BrandTextTests
{
    [Theory]
    [InlineData("DHL-Paket!", " dhl paket ")]
    [InlineData("  Café   Olé  ", " cafe ole ")]
    [InlineData("Your AT&T bill", " your at&t bill ")]
    [InlineData("", " ")]
    [InlineData("...", " ")]
    [InlineData("Pay\u200Bpal", " paypal ")]
    [InlineData("Pay\u00ADpal", " paypal ")]
    [InlineData("Pay\u200Dpal", " paypal ")]
    [InlineData("Netfl\u0456x", " netflix ")]
    [InlineData("Modern", " modem ")]
    [InlineData("order 42", " order 42 ")]
    public void Words_AreTheNormalisedWordsBetweenSingleSpaces(string text, string words)
    {
        Assert.Equal(words, BrandText.Words(text));
    }

    [Theory]
    [InlineData("Iedger", "ledger")]
    [InlineData("PayPaI", "PayPal")]
    [InlineData("Your PayPaI account", "Your PayPal account")]
    [InlineData("Trust WaIIet", "Trust Wallet")]
    [InlineData("IIoyds Bank", "lloyds Bank")]
    [InlineData("Instagram", "lnstagram")]
    [InlineData("ltaú Cartões", "Itaú Cartões")]
    [InlineData("Reembolso lRS", "Reembolso IRS")]
    [InlineData("Cartão lTAU", "Cartão ITAU")]
    [InlineData("lnstagram", "Instagram")]
    public void WithIAndLUnswapped_PutsBackTheLetter(string text, string unmasked)
    {
        Assert.Equal(unmasked, BrandText.WithIAndLUnswapped(text));
    }

    [Theory]
    [InlineData("IKEA and ING")]
    [InlineData("I am in IT")]
    [InlineData("ledger")]
    [InlineData("Llamar a la línea, lhe lyrics, l'offre, l 2")]
    [InlineData("help, ball, Ltd")]
    public void WithIAndLUnswapped_NoneThatPassesForTheOther_IsNull(string text)
    {
        Assert.Null(BrandText.WithIAndLUnswapped(text));
    }

    [Theory]
    [InlineData("P a y P a l", "PayPal")]
    [InlineData("Aviso: A m a z o n suspenso", "Aviso: Amazon suspenso")]
    [InlineData("Z A L A N D O and L I D L", "ZALANDO and LIDL")]
    public void WithSpacedLettersJoined_WritesTheWordAsOne(string text, string joined)
    {
        Assert.Equal(joined, BrandText.WithSpacedLettersJoined(text));
    }

    // Three letters apart are an initialism ("U S A"), and a letter beside a longer word is a list or a grade.
    [Theory]
    [InlineData("U S A")]
    [InlineData("a b c de")]
    [InlineData("PayPal")]
    public void WithSpacedLettersJoined_NoWordSpelledOut_IsNull(string text)
    {
        Assert.Null(BrandText.WithSpacedLettersJoined(text));
    }

    [Theory]
    [InlineData('a', true)]
    [InlineData('7', true)]
    [InlineData('&', true)]
    [InlineData('-', false)]
    [InlineData(' ', false)]
    public void IsWordCharacter_LettersDigitsAndTheAmpersand(char c, bool isWord)
    {
        Assert.Equal(isWord, BrandText.IsWordCharacter(c));
    }

    [Theory]
    [InlineData('\u303F', false)]
    [InlineData('\u3040', true)]
    [InlineData('ヤ', true)]
    [InlineData('運', true)]
    [InlineData('\u9FFF', true)]
    [InlineData('\uA000', false)]
    [InlineData('a', false)]
    public void IsUnspaced_KanaAndIdeographs(char c, bool unspaced)
    {
        Assert.Equal(unspaced, BrandText.IsUnspaced(c));
    }
}

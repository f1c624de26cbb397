using Remediation.Core.Scanning.Brands;

namespace Remediation.Core.Tests.Scanning.Brands;

/// <summary>Finding brand names as whole words, however the text writes them, each brand once.</summary>
public sealed class BrandMatcherTests
{
    private static readonly Brand Dhl = new("DHL", ["dhl.com"], []);
    private static readonly Brand MercadoLivre = new("Mercado Livre", ["mercadolivre.com.br"], []);
    private static readonly Brand Orange = new("Orange", ["orange.fr"], []);
    private static readonly Brand Att = new("AT&T", ["att.com"], []);
    private static readonly Brand Yamato = new("Yamato", ["kuronekoyamato.co.jp"], []);
    private static readonly Brand BankOfAmerica = new("Bank of America", ["bankofamerica.com"], []);

    private readonly BrandMatcher _matcher = new([
        (Dhl, "DHL", false),
        (Dhl, "DHL Express", false),
        (MercadoLivre, "Mercado Livre", false),
        (Orange, "Orange", true),
        (Orange, "Orange France", false),
        (Att, "AT&T", false),
        (Yamato, "ヤマト運輸", false),
        (Yamato, "  ", false),
        (BankOfAmerica, "Bank of America", false),
    ]);

    [Theory]
    [InlineData("Your DHL parcel")]
    [InlineData("dhl: parcel held")]
    [InlineData("Paket (DHL)")]
    [InlineData("DHL")]
    [InlineData("Sent by DHL Express today")]
    public void Find_NameAsAWholeWord_IsFound(string text)
    {
        Assert.Equal([Dhl], _matcher.Find(text).Select(m => m.Brand));
    }

    [Theory]
    [InlineData("ADHLER tools")]
    [InlineData("dhlx parcel")]
    [InlineData("")]
    [InlineData("   ")]
    public void Find_NameInsideAnotherWordOrNoText_IsNotFound(string text)
    {
        Assert.Empty(_matcher.Find(text));
    }

    [Theory]
    [InlineData("Ofertas do Mercado Livre")]
    [InlineData("MercadoLivre ofertas")]
    [InlineData("Mercado   Livre")]
    [InlineData("Mercado-Livre")]
    public void Find_NameOfSeveralWords_IsFoundSpacedOrRunTogether(string text)
    {
        Assert.Equal([MercadoLivre], _matcher.Find(text).Select(m => m.Brand));
    }

    [Theory]
    [InlineData("Your Bank of America alert", true)]
    [InlineData("the bank of america", true)]
    [InlineData("Bank of Scotland", false)]
    [InlineData("a bank of flowers", false)]
    public void Find_NameOfThreeWords_IsFoundOnlyWhole(string text, bool found)
    {
        Assert.Equal(found ? [BankOfAmerica] : [], _matcher.Find(text).Select(m => m.Brand));
    }

    [Fact]
    public void Find_OnlyTheFirstWordOfALongerName_IsNotThatName()
    {
        Assert.Empty(_matcher.Find("Mercado central"));
    }

    [Fact]
    public void Find_AmpersandName_IsOneWord()
    {
        Assert.Equal([Att], _matcher.Find("Your AT&T bill").Select(m => m.Brand));
    }

    [Fact]
    public void Find_BrandNamedSeveralTimes_IsFoundOnce()
    {
        var found = _matcher.Find("DHL: your DHL Express parcel, DHL");

        Assert.Equal([Dhl], found.Select(m => m.Brand));
    }

    [Fact]
    public void Find_AmbiguousNameAlone_IsAmbiguous()
    {
        var mention = Assert.Single(_matcher.Find("an orange and a lemon"));

        Assert.True(mention.Ambiguous);
    }

    [Theory]
    [InlineData("Orange France: your orange bill")]
    [InlineData("your orange bill from Orange France")]
    public void Find_BrandNamedBothWays_CountsAsNamedUnambiguously(string text)
    {
        var mention = Assert.Single(_matcher.Find(text));

        Assert.Equal((Orange, false, "Orange France"), (mention.Brand, mention.Ambiguous, mention.Name));
    }

    [Fact]
    public void Find_SeveralBrands_FindsEach()
    {
        Assert.Equal(["DHL", "Mercado Livre"], _matcher.Find("DHL delivers for Mercado Livre").Select(m => m.Brand.Name).Order());
    }

    [Theory]
    [InlineData("お荷物はヤマト運輸がお届けします")]
    [InlineData("ヤマト運輸")]
    public void Find_JapaneseName_IsFoundInsideTheRunOfText(string text)
    {
        Assert.Equal([Yamato], _matcher.Find(text).Select(m => m.Brand));
    }

    [Fact]
    public void Find_JapaneseTextWithoutTheName_FindsNothing()
    {
        Assert.Empty(_matcher.Find("お荷物をお届けします"));
    }
}

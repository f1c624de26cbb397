using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Tests.Scanning.Content;

public class HomoglyphsTests
{
    [Theory]
    [InlineData("Yоur wаllet hаs bееn frоzen", "Your wallet has been frozen")] // Cyrillic о, а, е
    [InlineData("Υour ѡallet", "Your wallet")] // Greek capital Upsilon, Cyrillic omega
    [InlineData("Ϲoіոbаѕе", "Coinbase")] // Greek capital lunate sigma, Cyrillic, Armenian
    [InlineData("I'ⅿ սѕіոց аⅼⅼ thе ⅾеⅴісеѕ", "I'm using all the devices")] // Roman numerals, Armenian, Cyrillic
    [InlineData("ᏞᎪᏔ ᏚᎢᎪᎢᎬ", "LAW STATE")] // Cherokee
    [InlineData("𝐋𝐎𝐎𝐊𝐈𝐍𝐆 𝘥𝘰", "LOOKING do")] // mathematical bold capitals, sans-serif italic small letters
    [InlineData("Ꮮеt'ѕ ցеt ѕtrаіցht", "Let's get straight")]
    [InlineData("Ⅰt's 𝐀 𝐚𝐳𝐙", "It's A azZ")] // the first Roman numeral; the first, last and middle letters of an alphabet
    public void ToLatin_WordsOfLatinLettersAndLookAlikes_ReadAsTheLatinTheyShow(string text, string expected)
    {
        Assert.Equal(expected, Homoglyphs.ToLatin(text));
    }

    [Theory]
    [InlineData("Привет, как дела?")]
    [InlineData("Καλημέρα σας")]
    [InlineData("お荷物をお届けできませんでした")]
    [InlineData("Բարև ձեզ")]
    [InlineData("𝚤𝚥")] // mathematical dotless i and j, past the alphabets of 52 letters
    public void ToLatin_WordsWithLettersThatHaveNoLatinTwin_StayInTheirScript(string text)
    {
        Assert.Equal(text, Homoglyphs.ToLatin(text));
    }

    [Fact]
    public void ToLatin_ScriptsSideBySide_FoldsOnlyTheDisguisedWord()
    {
        Assert.Equal("Привет 🎉 Your parcel", Homoglyphs.ToLatin("Привет 🎉 Yоur раrcеl"));
    }

    [Fact]
    public void ToLatin_LatinText_IsReturnedAsItIs()
    {
        const string text = "Crème brûlée, Łódź and plain words";

        Assert.Same(text, Homoglyphs.ToLatin(text));
    }
}

using System.Text;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning.Domains;

public class LookalikeTests
{
    [Theory]
    [InlineData("contoso", "contoso", 0)]
    [InlineData("contoso", "cantoso", 1)]
    [InlineData("contoso", "contosoo", 1)]
    [InlineData("contoso", "ontoso", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    public void EditDistance_WithinTheLimit_IsTheLevenshteinDistance(string a, string b, int distance) =>
        Assert.Equal(distance, Lookalike.EditDistance(a, b, 5));

    [Theory]
    [InlineData("abc", "abd", 1, 1)]
    [InlineData("abc", "abcde", 2, 2)]
    [InlineData("microsoft", "mcrosft", 2, 2)]
    public void EditDistance_ExactlyTheLimit_IsTheDistance(string a, string b, int max, int distance) =>
        Assert.Equal(distance, Lookalike.EditDistance(a, b, max));

    [Theory]
    [InlineData("abc", "abcdef", 2)]
    [InlineData("a", "abcdef", 2)]
    [InlineData("abcdef", "a", 2)]
    [InlineData("abcd", "wxyz", 1)]
    [InlineData("abcdef", "abcxyz", 2)]
    [InlineData("contoso", "fabrikam", 0)]
    public void EditDistance_BeyondTheLimit_IsOneMoreThanTheLimit(string a, string b, int max) =>
        Assert.Equal(max + 1, Lookalike.EditDistance(a, b, max));

    [Theory]
    [InlineData("xn--80ak6aa92e.com", "аррӏе.com")]
    [InlineData("mail.contoso.com", "mail.contoso.com")]
    public void ToUnicode_Host_DecodesPunycodeLabels(string host, string unicode) => Assert.Equal(unicode, Lookalike.ToUnicode(host));

    [Theory]
    [InlineData("bad..host")]
    [InlineData("xn--.com")]
    public void ToUnicode_InvalidName_IsTheInput(string host) => Assert.Equal(host, Lookalike.ToUnicode(host));

    [Theory]
    [InlineData("Microsoft", "microsoft")]
    [InlineData("Micr0s0ft", "microsoft")]
    [InlineData("Pаypаl", "paypal")]
    [InlineData("ΚΑΤΟ", "kato")]
    [InlineData("rnicrosoft", "microsoft")]
    [InlineData("vvells", "wells")]
    [InlineData("", "")]
    public void Skeleton_Text_IsLowerCaseWithLookalikesFolded(string text, string skeleton) => Assert.Equal(skeleton, Lookalike.Skeleton(text));

    [Fact]
    public void FoldLetterPairs_PairsThatPassForOneLetter_AreFoldedInPlace()
    {
        var text = new StringBuilder("rnodern vvave");

        var sut = Lookalike.FoldLetterPairs(text);

        Assert.Same(text, sut);
        Assert.Equal("modem wave", sut.ToString());
    }

    [Theory]
    [InlineData('A', 'a')]
    [InlineData('а', 'a')]
    [InlineData('А', 'a')]
    [InlineData('ο', 'o')]
    [InlineData('1', 'l')]
    [InlineData('ɡ', 'g')]
    [InlineData('z', 'z')]
    [InlineData('7', '7')]
    public void Fold_Character_IsTheLatinLetterItImitates(char c, char folded) => Assert.Equal(folded, Lookalike.Fold(c));

    [Theory]
    [InlineData("pаypal")]
    [InlineData("microsοft")]
    [InlineData("αа")]
    [InlineData("contosoԱ")]
    [InlineData("contoso日本")]
    public void HasMixedScripts_LettersOfTwoScripts_IsTrue(string text) => Assert.True(Lookalike.HasMixedScripts(text));

    [Theory]
    [InlineData("paypal")]
    [InlineData("αβγ")]
    [InlineData("привет")]
    [InlineData("Բարեւ")]
    [InlineData("日本語")]
    [InlineData("contoso-2024.example")]
    [InlineData("привет-2024")]
    [InlineData("ελλάδα.ελ")]
    [InlineData("")]
    public void HasMixedScripts_LettersOfOneScript_IsFalse(string text) => Assert.False(Lookalike.HasMixedScripts(text));

    [Theory]
    [InlineData('a', Lookalike.LatinScript)]
    [InlineData('é', Lookalike.LatinScript)]
    [InlineData('\u024F', Lookalike.LatinScript)]
    [InlineData('\u0250', 16)]
    [InlineData('\u036F', 16)]
    [InlineData('\u0370', Lookalike.GreekScript)]
    [InlineData('\u03FF', Lookalike.GreekScript)]
    [InlineData('\u0400', Lookalike.CyrillicScript)]
    [InlineData('\u052F', Lookalike.CyrillicScript)]
    [InlineData('\u0530', 8)]
    [InlineData('\u058F', 8)]
    [InlineData('\u0590', 16)]
    public void ScriptOf_Letter_IsItsScriptBit(char c, int script) => Assert.Equal(script, Lookalike.ScriptOf(c));
}

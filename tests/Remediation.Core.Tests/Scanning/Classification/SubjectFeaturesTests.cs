using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SubjectFeaturesTests
{
    [Fact]
    public void Add_BulkToolSubject_MarksCapitalsGapAndTag()
    {
        var sut = Features.Of(v => SubjectFeatures.Add("SAVE 50% ON INK NOW!!   xk29fj4", v));

        Assert.True(sut.Has('x', "subject-capitals"));
        Assert.True(sut.Has('x', "subject-percent"));
        Assert.True(sut.Has('x', "subject-exclamation"));
        Assert.True(sut.Has('x', "subject-gap"));
        Assert.True(sut.Has('x', "subject-tag"));
    }

    [Fact]
    public void Add_VersionNumberAtTheEnd_IsNoTag()
    {
        var sut = Features.Of(v => SubjectFeatures.Add("Re: kernel oops with 2.4.19", v));

        Assert.False(sut.Has('x', "subject-tag"));
        Assert.False(sut.Has('x', "subject-capitals"));
        Assert.True(sut.Has('x', "subject-digits"));
    }

    [Fact]
    public void Add_NoSubject_SaysSoAndNothingElse()
    {
        var sut = Features.Of(v => SubjectFeatures.Add("", v));

        Assert.True(sut.Has('x', "subject-none"));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_PlainSubject_HasOnlyItsLength()
    {
        var sut = Features.Of(v => SubjectFeatures.Add("Lunch on Friday", v));

        Assert.True(sut.Has('x', "subject-length:4"));
        Assert.Equal(1, sut.Count);
    }

    [Theory]
    [InlineData("Win $5 now", "subject-dollar")]
    [InlineData("Half off", "subject-length:4")]
    [InlineData("Ünïcödé offer", "subject-non-ascii")]
    [InlineData("Offer 2 you", "subject-digits")]
    [InlineData("Hurry up!", "subject-exclamation")]
    [InlineData("50% off", "subject-percent")]
    public void Add_SubjectWithASign_MarksIt(string subject, string feature) => Assert.True(Features.Of(v => SubjectFeatures.Add(subject, v)).Has('x', feature));

    [Fact]
    public void Add_AsciiControlCharacter_IsNotNonAscii() => Assert.False(Features.Of(v => SubjectFeatures.Add("Offer\u007F now", v)).Has('x', "subject-non-ascii"));

    [Theory]
    [InlineData("a", "subject-length:1")]
    [InlineData("abcdefg", "subject-length:3")]
    [InlineData("abcdefgh", "subject-length:4")]
    public void Add_Subject_MarksTheMagnitudeOfItsLength(string subject, string feature) => Assert.True(Features.Of(v => SubjectFeatures.Add(subject, v)).Has('x', feature));

    [Theory]
    [InlineData("FREE", true)]
    [InlineData("FREE now", true)]
    [InlineData("AB12CD", true)]
    [InlineData("FREE cash", false)]
    [InlineData("WIN", false)]
    [InlineData("A1B2C", false)]
    [InlineData("Free Money", false)]
    public void Add_MostlyCapitalSubjectOfMoreThanThreeLetters_IsCapitals(string subject, bool capitals) =>
        Assert.Equal(capitals, Features.Of(v => SubjectFeatures.Add(subject, v)).Has('x', "subject-capitals"));

    [Theory]
    [InlineData("Your order   ", true)]
    [InlineData("Your   order", true)]
    [InlineData("Your  order", false)]
    public void Add_ThreeSpacesInARow_IsAGap(string subject, bool gap) =>
        Assert.Equal(gap, Features.Of(v => SubjectFeatures.Add(subject, v)).Has('x', "subject-gap"));

    [Theory]
    [InlineData("Your invoice ab12c", true)]
    [InlineData("Your invoice ab12c  ", true)]
    [InlineData("Your invoice\tAB12C", true)]
    [InlineData("Your invoice-ab12c", true)]
    [InlineData("Your invoice_ab12c", true)]
    [InlineData("Your invoice #ab12c", true)]
    [InlineData("Your invoice a1b2c3d4", true)]
    [InlineData("ab12cd", false)]
    [InlineData(" ab12cd", false)]
    [InlineData("Your invoice ab12", false)]
    [InlineData("Your invoice abcde", false)]
    [InlineData("Your invoice 12345", false)]
    [InlineData("Your invoice ab.12c", false)]
    [InlineData("Your invoice äb12c", false)]
    [InlineData("Your invoice ab12c!", false)]
    public void Add_LastWordMixingLettersAndDigits_IsATag(string subject, bool tag) =>
        Assert.Equal(tag, Features.Of(v => SubjectFeatures.Add(subject, v)).Has('x', "subject-tag"));
}

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
    public void Add_NoSubject_SaysSo() => Assert.True(Features.Of(v => SubjectFeatures.Add("", v)).Has('x', "subject-none"));
}

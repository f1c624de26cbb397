using Microsoft.Extensions.Time.Testing;
using Remediation.Infrastructure.Graph;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The directory's answers serve for an hour, and expired ones do not pile up in a long-lived instance.</summary>
public sealed class DirectoryAnswersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_WithinTheHour_ServesTheAnswerWhateverTheCase()
    {
        var answers = new DirectoryAnswers<string?>(_clock);
        answers.Keep("Adele@contoso.example", "id-1");
        answers.Keep("nobody@contoso.example", null);

        _clock.Advance(DirectoryAnswers<string?>.Lifetime - TimeSpan.FromSeconds(1));

        Assert.True(answers.TryGet("adele@CONTOSO.example", out var adele));
        Assert.Equal("id-1", adele);
        Assert.True(answers.TryGet("nobody@contoso.example", out var nobody));
        Assert.Null(nobody);
    }

    [Fact]
    public void TryGet_AnHourLater_AsksAgain()
    {
        var answers = new DirectoryAnswers<string?>(_clock);
        answers.Keep("adele@contoso.example", "id-1");

        _clock.Advance(DirectoryAnswers<string?>.Lifetime);

        Assert.False(answers.TryGet("adele@contoso.example", out _));
    }

    [Fact]
    public void Keep_InventedAddressesHourAfterHour_HoldsOnlyTheLiveOnes()
    {
        var answers = new DirectoryAnswers<string?>(_clock);
        for (var hour = 0; hour < 10; hour++)
        {
            for (var i = 0; i < 3_000; i++) answers.Keep($"invented-{hour}-{i}@fabrikam.example", null);
            _clock.Advance(DirectoryAnswers<string?>.Lifetime);
        }

        // Without sweeps the store would hold all 30,000; a sweep leaves only the answers kept within the hour.
        Assert.InRange(answers.Count, 3_000, 6_000);
    }
}

using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Tests.Scanning.Lures;

/// <summary>How the lexicon packs its alternatives: each pattern is a pass over every message, so as few as fit.</summary>
public class LureLexiconTests
{
    // Bounded repeats unroll in the linear engine's automaton, so a few dozen of these overflow one pattern.
    private static readonly string[] Oversized = [.. Enumerable.Range(0, 80).Select(i => $"w{i}q[a-z]{{0,100}}x[a-z]{{0,100}}y[a-z]{{0,100}}z{i}q")];

    [Fact]
    public void Compile_ListThatFitsOnePattern_IsOnePattern()
    {
        var groups = LureLexicon.Compile("your account", "dein konto", "sua conta");

        Assert.Single(groups);
        Assert.True(LureLexicon.FirstMatch(groups, "Check DEIN KONTO now").Success);
    }

    [Fact]
    public void Compile_OversizedList_GroupsAreRunsInOrderThatTheNextAlternativeWouldOverflow()
    {
        var groups = LureLexicon.Compile(Oversized);

        Assert.True(groups.Length > 1, "the list must not fit one pattern, or this test checks nothing");
        var start = 0;
        foreach (var group in groups)
        {
            var end = Enumerable.Range(start + 1, Oversized.Length - start).FirstOrDefault(e => group.ToString() == Joined(start, e));
            Assert.True(end > start, $"the group after alternative {start} is not the run of alternatives that follows it");
            if (end < Oversized.Length) Assert.Throws<NotSupportedException>(() => new Regex(Joined(start, end + 1), LinearRegex.Options | RegexOptions.IgnoreCase));
            start = end;
        }
        Assert.Equal(Oversized.Length, start);
    }

    [Fact]
    public void Compile_OversizedList_FindsEveryAlternative()
    {
        var groups = LureLexicon.Compile(Oversized);

        Assert.All(Enumerable.Range(0, Oversized.Length), i => Assert.Equal($"w{i}qaxbycz{i}q", LureLexicon.FirstMatch(groups, $"... w{i}qaxbycz{i}q ...").Value));
    }

    private static string Joined(int start, int end) => string.Join('|', Oversized[start..end].Select(p => $"(?:{p})"));
}

using System.Reflection;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning;

public class LinearRegexTests
{
    [Fact]
    public void Patterns_EveryRegexOfTheScanEngine_RunWithoutBacktracking()
    {
        var patterns = typeof(ScanEngine).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith(typeof(ScanEngine).Namespace!, StringComparison.Ordinal) == true)
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.ReturnType == typeof(Regex) && method.GetParameters().Length == 0)
            .ToList();

        // However the patterns come to be declared, the check must still find them.
        Assert.True(patterns.Count >= 20, $"found only {patterns.Count} patterns");
        Assert.All(patterns, method =>
            Assert.True(((Regex)method.Invoke(null, null)!).Options.HasFlag(RegexOptions.NonBacktracking), $"{method.DeclaringType!.Name}.{method.Name} backtracks"));
    }
}

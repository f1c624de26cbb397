using System.Reflection;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Paths the build recorded into this assembly.</summary>
internal static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string BicepExecutable => Metadata("BicepExecutable");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}

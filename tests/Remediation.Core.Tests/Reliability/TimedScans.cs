namespace Remediation.Core.Tests.Reliability;

/// <summary>Tests that time scans run alone: scans of other tests on the same cores would be timed with them.</summary>
[CollectionDefinition(nameof(TimedScans), DisableParallelization = true)]
public sealed class TimedScans;

namespace Remediation.Showcase.Bench;

/// <param name="SpamAssassinNote">Why SpamAssassin was not measured, or which messages it was measured on.</param>
internal sealed record ScanThroughputResult(
    string Split,
    MessageRate ParseOnly,
    MessageRate FullEngine,
    MessageRate? SpamAssassin,
    MessageRate? FullEngineOnSpamAssassinSample,
    string SpamAssassinNote);

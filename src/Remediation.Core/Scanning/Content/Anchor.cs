namespace Remediation.Core.Scanning.Content;

/// <summary>A link in HTML as the reader sees it (its text) and where it really goes (its href, as written).</summary>
public sealed record Anchor(string Href, string Text);

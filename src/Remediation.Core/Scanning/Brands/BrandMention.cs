namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// A brand named in some text by one of its names: one that is only ever the brand, or one that is also an ordinary
/// word or a person's name (<see cref="Ambiguous"/>).
/// </summary>
public sealed record BrandMention(Brand Brand, string Name, bool Ambiguous);

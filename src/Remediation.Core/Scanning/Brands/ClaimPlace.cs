namespace Remediation.Core.Scanning.Brands;

/// <summary>Where a message names a brand. The sender's name and address say who speaks; the rest may only mention it.</summary>
[Flags]
public enum ClaimPlace
{
    None = 0,
    DisplayName = 1,
    SenderAddress = 2,
    Subject = 4,
    Body = 8,
    LinkText = 16,
    ImageText = 32,
    AttachmentName = 64,
    Heading = 128,
    /// <summary>The name was found only with its I and l swapped back ("Iedger", "PayPaI"): written to pass filters as the brand.</summary>
    Disguised = 256,
    Sender = DisplayName | SenderAddress,
}

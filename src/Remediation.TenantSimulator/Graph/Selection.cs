namespace Remediation.TenantSimulator.Graph;

/// <summary>
/// The properties a <c>$select</c> asks for. Without one, every default property is returned; properties Graph only
/// returns when asked for (such as <c>internetMessageHeaders</c>) need to be named.
/// </summary>
internal sealed class Selection
{
    private readonly HashSet<string>? properties;

    private Selection(HashSet<string>? properties) => this.properties = properties;

    public static Selection Defaults { get; } = new(null);

    public static Selection Parse(string? select) =>
        string.IsNullOrWhiteSpace(select)
            ? Defaults
            : new Selection(new HashSet<string>(
                select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                StringComparer.OrdinalIgnoreCase));

    public bool Includes(string property) => properties?.Contains(property) ?? true;

    public bool Names(string property) => properties?.Contains(property) ?? false;
}

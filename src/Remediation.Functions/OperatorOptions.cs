namespace Remediation.Functions;

/// <summary>Who may pull the SOC's levers (restore, approve) on the Function App.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operators";

    /// <summary>The app role of the Entra app registration a caller must hold (the <c>roles</c> claim of their token).</summary>
    public string AppRole { get; set; } = "Remediation.Operator";

    /// <summary>
    /// Whether App Service authentication is on, as the platform reports it (<c>WEBSITE_AUTH_ENABLED</c>). Only then
    /// does the platform strip a client's own <c>X-MS-CLIENT-PRINCIPAL</c>; without it every principal is forged.
    /// </summary>
    public bool PlatformAuthenticates { get; set; }
}

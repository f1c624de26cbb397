using System.CommandLine;

namespace Remediation.Cli.Commands;

/// <param name="ClientId">The SOC's app registration: sign in and send a bearer token (the deployed app).</param>
/// <param name="LocalAdminKey">A local host's admin key, sent when no client id is given.</param>
internal sealed record Caller(Uri Url, string? ClientId, string? TenantId, bool DeviceCode, string? LocalAdminKey);

/// <summary>Where the SOC's endpoints are and how the caller proves who they are.</summary>
internal sealed class CallerOptions
{
    private readonly Option<Uri> _url = new("--url") { Description = "The app's base URL, e.g. https://<app>.azurewebsites.net", Required = true };

    private readonly Option<string?> _clientId = new("--client-id")
    {
        Description = "Client id of the SOC's app registration (the deployment's operatorAppClientId; default: REMEDIATION_CLIENT_ID).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REMEDIATION_CLIENT_ID"),
    };

    private readonly Option<string?> _tenant = new("--tenant")
    {
        Description = "Entra tenant id to sign in to (default: AZURE_TENANT_ID).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AZURE_TENANT_ID"),
    };

    private readonly Option<bool> _deviceCode = new("--device-code") { Description = "Sign in with a code on another device instead of a browser here." };

    private readonly Option<string?> _key = new("--key")
    {
        Description = "A local host's admin key, without --client-id (default: REMEDIATION_ADMIN_KEY).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REMEDIATION_ADMIN_KEY"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_url);
        command.Options.Add(_clientId);
        command.Options.Add(_tenant);
        command.Options.Add(_deviceCode);
        command.Options.Add(_key);
    }

    public Caller Read(ParseResult parse) => new(
        parse.GetValue(_url)!, NullIfEmpty(parse.GetValue(_clientId)), NullIfEmpty(parse.GetValue(_tenant)), parse.GetValue(_deviceCode), NullIfEmpty(parse.GetValue(_key)));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

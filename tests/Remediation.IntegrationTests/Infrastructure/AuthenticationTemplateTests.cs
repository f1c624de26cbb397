using Remediation.Functions;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>
/// The SOC's endpoints sit behind App Service authentication with Entra ID, while Graph's webhook posts, which carry
/// no token, still reach their functions.
/// </summary>
public class AuthenticationTemplateTests
{
    [Fact]
    public async Task AuthSettings_EntraProvider_UsesTheOperatorRegistration()
    {
        var settings = await AuthSettingsAsync();
        object? Entra(params string[] path) => settings.Property(["properties", "identityProviders", "azureActiveDirectory", .. path]);

        Assert.Equal(true, Entra("enabled"));
        Assert.Equal(CompiledDeployment.OperatorAppClientId, Entra("registration", "clientId"));
        // The cloud's login endpoint is known only to the deployment: the rest of the issuer must name the tenant.
        Assert.Equal($"<environment().authentication.loginEndpoint>{CompiledDeployment.Target.TenantId}/v2.0", ArmValue.Render(Entra("registration", "openIdIssuer")));
        Assert.Contains(CompiledDeployment.OperatorAppClientId, Assert.IsType<List<object?>>(Entra("validation", "allowedAudiences")));
    }

    [Fact]
    public async Task AuthSettings_UnauthenticatedCallers_AreLetThroughToTheFunctionKeyCheck()
    {
        var settings = await AuthSettingsAsync();

        Assert.Equal(true, settings.Property("properties", "platform", "enabled"));
        Assert.Equal(false, settings.Property("properties", "globalValidation", "requireAuthentication"));
        Assert.Equal("AllowAnonymous", settings.Property("properties", "globalValidation", "unauthenticatedClientAction"));
    }

    [Fact]
    public async Task AppSettings_OperatorAppRole_IsTheRoleTheCodeExpects()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var settings = Assert.Single(deployment.OfType("Microsoft.Web/sites/config"), c => c.LeafName == "appsettings");

        Assert.Equal(new OperatorOptions().AppRole, settings.Property("properties", $"{OperatorOptions.Section}__{nameof(OperatorOptions.AppRole)}"));
    }

    private static async Task<ArmResource> AuthSettingsAsync()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var site = deployment.Single("Microsoft.Web/sites");
        var settings = Assert.Single(deployment.OfType("Microsoft.Web/sites/config"), c => c.LeafName == "authsettingsV2");
        Assert.Equal($"{site.Name}/authsettingsV2", settings.Name);
        return settings;
    }
}

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The key Graph presents is one value: a host key of the app and the Key Vault secret the app reads.</summary>
public class WebhookKeyTemplateTests
{
    [Fact]
    public async Task HostKey_WebhookFunctionKey_IsSetOnTheAppWithTheParameterValue()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var site = deployment.Single("Microsoft.Web/sites");

        var key = deployment.Single("Microsoft.Web/sites/host/functionKeys");

        Assert.Equal($"{site.Name}/default/graph-webhooks", key.Name);
        Assert.Equal(CompiledDeployment.WebhookFunctionKey, key.Property("properties", "value"));
    }

    [Fact]
    public async Task KeyVaultSecret_WebhookFunctionKey_HoldsTheSameValue()
    {
        var deployment = await CompiledDeployment.MainAsync();

        var secret = Assert.Single(deployment.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.LeafName == "webhook-function-key");

        Assert.Equal(CompiledDeployment.WebhookFunctionKey, secret.Property("properties", "value"));
    }
}

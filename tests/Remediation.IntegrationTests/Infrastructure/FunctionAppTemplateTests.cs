namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The Flex Consumption app as Graph's webhook needs it.</summary>
public class FunctionAppTemplateTests
{
    [Fact]
    public async Task Site_HttpFunctions_KeepOneInstanceAlwaysReady()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var site = deployment.Single("Microsoft.Web/sites");

        var alwaysReady = Assert.IsType<List<object?>>(site.Property("properties", "functionAppConfig", "scaleAndConcurrency", "alwaysReady"));
        var http = Assert.IsType<ArmObject>(Assert.Single(alwaysReady));
        Assert.Equal("http", http["name"]);
        Assert.Equal(1L, Convert.ToInt64(http["instanceCount"], System.Globalization.CultureInfo.InvariantCulture));
    }
}

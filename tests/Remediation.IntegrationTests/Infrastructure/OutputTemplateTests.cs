namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>Deployment outputs are readable by anyone who can read the deployment: none may carry a secret.</summary>
public class OutputTemplateTests
{
    [Fact]
    public async Task Outputs_WithSecretParameters_ContainNoSecretValue()
    {
        var deployment = await CompiledDeployment.MainAsync();

        var outputs = deployment.Templates.SelectMany(t => t.OutputNames.Select(name => (Name: $"{t.Path}.{name}", Value: ArmValue.Render(t.Output(name)))));

        Assert.All(outputs, o => Assert.DoesNotContain(CompiledDeployment.Secrets, secret => o.Value.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outputs_AnyTemplate_ReadNoSecureParameterNorListFunction()
    {
        var deployment = await CompiledDeployment.MainAsync();

        var leaks = deployment.Templates
            .SelectMany(t => t.OutputNames.Where(name => !t.IsSecureOutput(name) && SecretFlow.ReachesOutput(t, name)).Select(name => $"{t.Path}.{name}"))
            .ToList();

        Assert.Empty(leaks);
    }
}

using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Remediation.Core;
using Remediation.Infrastructure;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Functions;

namespace Remediation.IntegrationTests.Functions;

/// <summary>
/// The Functions host cannot start here (it needs the Functions runtime), but its DI graph can be built: every
/// function class must be constructible from it, as the worker would construct it.
/// </summary>
public class FunctionsAppTests
{
    private static readonly Type[] FunctionClasses = [.. typeof(NotificationsFunction).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

    [Fact]
    public void Build_WithTheAppSettings_ResolvesEveryFunctionClass()
    {
        var builder = FunctionsApplication.CreateBuilder([
            "--Tenant:TenantId=7d9a1c2e-0000-4000-8000-000000000001",
            "--Tenant:ClientState=not-a-real-secret",
            "--AzureWebJobsStorage=UseDevelopmentStorage=true",
        ]);
        using var host = builder.ConfigureRemediationFunctions().Build();
        using var scope = host.Services.CreateScope();

        foreach (var type in FunctionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public async Task Notifications_ValidationHandshake_EchoesTheTokenAsPlainTextThatNoBrowserSniffs()
    {
        using var host = FunctionsApplication.CreateBuilder([
            "--Tenant:TenantId=7d9a1c2e-0000-4000-8000-000000000001",
            "--Tenant:ClientState=not-a-real-secret",
            "--AzureWebJobsStorage=UseDevelopmentStorage=true",
        ]).ConfigureRemediationFunctions().Build();
        var sut = ActivatorUtilities.CreateInstance<NotificationsFunction>(host.Services);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?validationToken=%3Cscript%3E");

        var result = Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(await sut.RunAsync(context.Request, CancellationToken.None));

        Assert.Equal((200, "<script>", "text/plain"), (result.StatusCode, result.Content, result.ContentType));
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions);
    }

    // A newcomer starts the app with the sample's values: every settings section must bind and pass its validation,
    // or a timer fails on every run with nothing but a log line to say why.
    [Fact]
    public void Build_WithTheSampleSettings_EverySettingsSectionIsValid()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "local.settings.sample.json")));
        string[] args = [.. sample.RootElement.GetProperty("Values").EnumerateObject()
            .Select(setting => $"--{setting.Name.Replace("__", ":", StringComparison.Ordinal)}={setting.Value.GetString()}")];
        using var host = FunctionsApplication.CreateBuilder(args).ConfigureRemediationFunctions().Build();
        var sections = new[] { typeof(TenantOptions).Assembly, typeof(PipelineServiceCollectionExtensions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();

        Assert.Contains(typeof(Core.Subscriptions.SubscriptionOptions), sections);
        foreach (var type in sections)
        {
            var options = host.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            var value = Record.Exception(() => options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options));
            Assert.True(value is null, $"{type.Name}: {value?.InnerException?.Message ?? value?.Message}");
        }
    }
}

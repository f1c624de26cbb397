using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Functions;
using Remediation.Infrastructure;
using Remediation.LocalHost;
using Remediation.Testing;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Remediation.IntegrationTests.Functions;

/// <summary>Both hosts serve exactly the triggers <see cref="PipelineEndpoints"/> names, bound the way it says.</summary>
public class EndpointTableTests
{
    private static readonly MethodInfo[] FunctionsMethods = [.. typeof(NotificationsFunction).Assembly.GetTypes().SelectMany(t => t.GetMethods())
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)];

    [Fact]
    public void FunctionsApp_HttpTriggers_AreTheTablesWithTheirRoutesMethodsAndLevels()
    {
        var served = FunctionsMethods
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()!.Name, Trigger: Trigger<HttpTriggerAttribute>(m)))
            .Where(f => f.Trigger is not null)
            .Select(f => new HttpEndpoint(f.Name, Assert.Single(f.Trigger!.Methods!).ToUpperInvariant(), f.Trigger.Route!,
                f.Trigger.AuthLevel == AuthorizationLevel.Function ? EndpointCaller.Graph : EndpointCaller.Operator));

        Assert.Equal(PipelineEndpoints.Http.OrderBy(e => e.Function), served.OrderBy(e => e.Function));
    }

    [Fact]
    public void FunctionsApp_QueueTriggers_AreTheTablesWithTheirQueuesAndPayloads()
    {
        var served = FunctionsMethods
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()!.Name, Parameter: m.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<QueueTriggerAttribute>() is not null)))
            .Where(f => f.Parameter is not null)
            .Select(f => new QueueStage(f.Name, f.Parameter!.GetCustomAttribute<QueueTriggerAttribute>()!.QueueName!, f.Parameter!.ParameterType));

        Assert.Equal(PipelineEndpoints.Queues.OrderBy(q => q.Function), served.OrderBy(q => q.Function));
    }

    [Fact]
    public void FunctionsApp_TimerTriggers_AreTheTablesWithTheirSchedules()
    {
        var served = FunctionsMethods
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()!.Name, Trigger: Trigger<TimerTriggerAttribute>(m)))
            .Where(f => f.Trigger is not null)
            .Select(f => new TimerSchedule(f.Name, f.Trigger!.Schedule));

        Assert.Equal(PipelineEndpoints.Timers.OrderBy(t => t.Function), served.OrderBy(t => t.Function));
    }

    [Fact]
    public void FunctionsApp_EveryFunction_IsInTheTable()
    {
        var tabled = PipelineEndpoints.Http.Select(e => e.Function).Concat(PipelineEndpoints.Queues.Select(q => q.Function)).Concat(PipelineEndpoints.Timers.Select(t => t.Function));

        Assert.Equal(tabled.Order(), FunctionsMethods.Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order());
    }

    [Fact]
    public void LocalHost_QueueTriggers_AreTheTablesWithTheirQueues()
    {
        var served = typeof(QueueTriggers).GetMethods()
            .Where(m => m.GetCustomAttribute<WebJobs.FunctionNameAttribute>() is not null)
            .Select(m => (m.GetCustomAttribute<WebJobs.FunctionNameAttribute>()!.Name,
                m.GetParameters().Select(p => p.GetCustomAttribute<WebJobs.QueueTriggerAttribute>()?.QueueName).OfType<string>().Single()));

        Assert.Equal(PipelineEndpoints.Queues.Select(q => (q.Function, q.Queue)).Order(), served.Order());
    }

    [Fact]
    public async Task LocalHost_HttpEndpoints_AreTheTablesRoutesAndMethods()
    {
        await using var tenant = await LocalTenant.StartAsync(new LocalTenantOptions());

        var served = tenant.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Method: Assert.Single(e.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods), Route: e.RoutePattern.RawText!));

        Assert.Equal(PipelineEndpoints.Http.Select(e => (e.Method, "/api/" + e.Route)).Order(), served.Order());
    }

    private static T? Trigger<T>(MethodInfo method) where T : Attribute =>
        method.GetParameters().Select(p => p.GetCustomAttribute<T>()).OfType<T>().SingleOrDefault();
}

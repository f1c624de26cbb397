using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.Infrastructure;

namespace Remediation.Functions;

public static class FunctionsAppSetup
{
    /// <summary>The whole app's wiring, shared by <c>Program</c> and the test that builds the host.</summary>
    public static FunctionsApplicationBuilder ConfigureRemediationFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            // Sampling could drop the custom events the alert rules count.
            .AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false)
            .ConfigureFunctionsApplicationInsights();
        // Queue payloads bind with the same JSON shape the stages write.
        builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(WorkItemJson.Options));
        builder.Services.AddSingleton<IPipelineTelemetry, ApplicationInsightsTelemetry>();
        builder.Services.AddRemediationPipeline(builder.Configuration);
        builder.Services.Configure<OperatorOptions>(builder.Configuration.GetSection(OperatorOptions.Section));
        builder.Services.PostConfigure<OperatorOptions>(operators =>
            operators.PlatformAuthenticates = string.Equals(builder.Configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase));
        return builder;
    }
}

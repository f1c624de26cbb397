using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Intake;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>Graph's lifecycle notifications (reauthorize, removed, missed) arrive here and are queued.</summary>
public sealed class LifecycleFunction(NotificationIntake intake)
{
    [Function("Lifecycle")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PipelineEndpoints.LifecycleRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await intake.HandleLifecycleAsync(request.Query["validationToken"], request.ContentType, request.Body, cancellationToken)).ToActionResult(request);
}

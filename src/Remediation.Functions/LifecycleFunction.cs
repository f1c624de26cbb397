using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Intake;

namespace Remediation.Functions;

/// <summary>Graph's lifecycle notifications (reauthorize, removed, missed) arrive here and are queued.</summary>
public sealed class LifecycleFunction(NotificationIntake intake)
{
    [Function("Lifecycle")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "lifecycle")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await intake.HandleLifecycleAsync(request.Query["validationToken"], request.ContentType, request.Body, cancellationToken)).ToActionResult(request);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Intake;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>Graph's change notifications arrive here. The function key rides in the notification URL's query.</summary>
public sealed class NotificationsFunction(NotificationIntake intake)
{
    [Function("Notifications")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PipelineEndpoints.NotificationsRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await intake.HandleNotificationsAsync(request.Query["validationToken"], request.ContentType, request.Body, cancellationToken)).ToActionResult(request);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Remediation.Core.Hunting;
using Remediation.Core.Queues;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>
/// The hunt stage on its queue, and the SOC's hunt levers: start one, read its report, undo what it remediated.
/// Like the campaign levers, only a signed-in analyst with the operator role gets through.
/// </summary>
public sealed class HuntFunctions(HuntRunner runner, HuntControl control, IOptions<OperatorOptions> operators)
{
    [Function("Hunt")]
    public Task RunAsync([QueueTrigger(WorkQueueNames.Hunts)] HuntRequest request, CancellationToken cancellationToken) =>
        runner.RunAsync(request, cancellationToken);

    [Function("StartHunt")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PipelineEndpoints.StartHuntRoute)] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = OperatorAuthorization.Check(request, operators.Value);
        if (!caller.Allowed) return caller.Refusal!;
        Hunt hunt;
        try
        {
            hunt = await control.StartRequestedAsync(name => request.Query[name], caller.Actor!, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return new BadRequestObjectResult(invalid.Message);
        }
        return new AcceptedResult($"/api/hunts/{hunt.Id}", hunt);
    }

    [Function("HuntReport")]
    public async Task<IActionResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PipelineEndpoints.HuntReportRoute)] HttpRequest request, string huntId, CancellationToken cancellationToken)
    {
        var caller = OperatorAuthorization.Check(request, operators.Value);
        if (!caller.Allowed) return caller.Refusal!;
        return await control.ReportAsync(huntId, cancellationToken) is { } report ? new OkObjectResult(report) : new NotFoundResult();
    }

    [Function("RestoreHunt")]
    public async Task<IActionResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PipelineEndpoints.RestoreHuntRoute)] HttpRequest request, string huntId, CancellationToken cancellationToken)
    {
        var caller = OperatorAuthorization.Check(request, operators.Value);
        if (!caller.Allowed) return caller.Refusal!;
        return await control.RestoreAsync(huntId, caller.Actor!, cancellationToken) is { } result ? new OkObjectResult(result) : new NotFoundResult();
    }
}

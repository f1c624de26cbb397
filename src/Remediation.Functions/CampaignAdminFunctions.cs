using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Remediation.Core.Campaigns;
using Remediation.Core.Remediation;
using Remediation.Infrastructure;

namespace Remediation.Functions;

/// <summary>
/// The SOC's levers: undo a campaign (or one mailbox, or one copy) and approve a held campaign. Only a caller signed
/// in with Entra ID and holding the operator app role gets through: no function key opens them, so each action has a
/// name in the audit (infra/README.md says why the level is Anonymous).
/// </summary>
public sealed class CampaignAdminFunctions(RemediationUndo undo, CampaignResolver resolver, IOptions<OperatorOptions> operators)
{
    [Function("Restore")]
    public async Task<IActionResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PipelineEndpoints.RestoreCampaignRoute)] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var caller = OperatorAuthorization.Check(request, operators.Value);
        if (!caller.Allowed) return caller.Refusal!;
        var result = await undo.RestoreAsync(new RestoreRequest(campaignId, request.Query["mailbox"], request.Query["message"]), caller.Actor!, cancellationToken);
        return new OkObjectResult(result);
    }

    [Function("Approve")]
    public async Task<IActionResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PipelineEndpoints.ApproveCampaignRoute)] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var caller = OperatorAuthorization.Check(request, operators.Value);
        if (!caller.Allowed) return caller.Refusal!;
        return await resolver.ApproveAsync(campaignId, caller.Actor!, cancellationToken) ? new AcceptedResult() : new NotFoundResult();
    }
}

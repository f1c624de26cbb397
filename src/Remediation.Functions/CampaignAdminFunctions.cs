using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Remediation.Core.Campaigns;
using Remediation.Core.Remediation;

namespace Remediation.Functions;

/// <summary>
/// The SOC's levers: undo a campaign (or one mailbox, or one copy) and approve a held campaign. Admin level: only the
/// master key opens them, not the host key Graph carries in its notification URLs.
/// </summary>
public sealed class CampaignAdminFunctions(RemediationUndo undo, CampaignResolver resolver)
{
    [Function("Restore")]
    public async Task<IActionResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "campaigns/{campaignId}/restore")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var result = await undo.RestoreAsync(new RestoreRequest(campaignId, request.Query["mailbox"], request.Query["message"]), cancellationToken);
        return new OkObjectResult(result);
    }

    [Function("Approve")]
    public async Task<IActionResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "campaigns/{campaignId}/approve")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        await resolver.ApproveAsync(campaignId, cancellationToken) ? new AcceptedResult() : new NotFoundResult();
}

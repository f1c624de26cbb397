using Microsoft.AspNetCore.Mvc;
using Remediation.Core.Intake;

namespace Remediation.Functions;

internal static class WebhookResponseExtensions
{
    public static IActionResult ToActionResult(this WebhookResponse response) =>
        new ContentResult { StatusCode = response.StatusCode, Content = response.Body, ContentType = response.ContentType };
}

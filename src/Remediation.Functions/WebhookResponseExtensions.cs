using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Remediation.Core.Intake;

namespace Remediation.Functions;

internal static class WebhookResponseExtensions
{
    // The body may echo what the caller sent (the validation token): never let a browser sniff it into HTML.
    public static IActionResult ToActionResult(this WebhookResponse response, HttpRequest request)
    {
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return new ContentResult { StatusCode = response.StatusCode, Content = response.Body, ContentType = response.ContentType };
    }
}

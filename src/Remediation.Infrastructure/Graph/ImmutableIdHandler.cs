namespace Remediation.Infrastructure.Graph;

/// <summary>
/// Asks Graph for immutable ids on every request, so ids the pipeline stores survive the moves it makes.
/// </summary>
internal sealed class ImmutableIdHandler : DelegatingHandler
{
    public const string Preference = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Prefer", Preference);
        return base.SendAsync(request, cancellationToken);
    }
}

namespace Remediation.TenantSimulator.Batch;

/// <summary>
/// The server's own request pipeline from routing on, captured when the app is built, so that batch items run
/// through authentication, throttling and the endpoints exactly as separate requests would.
/// </summary>
internal sealed class GraphPipeline
{
    private RequestDelegate? pipeline;

    public RequestDelegate Invoke => pipeline ?? throw new InvalidOperationException("The pipeline has not been built yet.");

    public static void Capture(IApplicationBuilder app)
    {
        var holder = app.ApplicationServices.GetRequiredService<GraphPipeline>();
        app.Use(next =>
        {
            holder.pipeline = next;
            return next;
        });
    }
}

using Remediation.LocalHost;

// Runs the pipeline against the tenant and storage named in appsettings, environment variables or arguments.
await using var host = await LocalPipelineHost.StartAsync([], args: args);
Console.WriteLine($"Webhook listening at {host.NotificationUrl}; press Ctrl+C to stop.");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
await stopped.Task;

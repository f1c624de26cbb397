using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Remediation.LocalHost;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>A queue invocation that ends after the host has stopped must not take the process down with it.</summary>
public sealed class HostShutdownTests
{
    private static readonly ExceptionDispatchInfo LateFailure =
        ExceptionDispatchInfo.Capture(new ObjectDisposedException("LoggerFactory"));

    [Fact]
    public async Task ExceptionHandler_WhileRunning_HandsTheExceptionToTheSdkHandler()
    {
        var sdk = new RecordingHandler();
        var handler = new StoppingExceptionHandler(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), sdk);

        await handler.OnUnhandledExceptionAsync(LateFailure);

        Assert.Equal(1, sdk.Unhandled);
    }

    [Fact]
    public async Task ExceptionHandler_OnceStopping_IgnoresTheLateInvocation()
    {
        var sdk = new RecordingHandler();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var notes = new StringWriter();
        var handler = new StoppingExceptionHandler(lifetime, sdk, notes);

        lifetime.StopApplication();
        await handler.OnUnhandledExceptionAsync(LateFailure);
        await handler.OnTimeoutExceptionAsync(LateFailure, TimeSpan.Zero);

        Assert.Equal(0, sdk.Unhandled + sdk.TimedOut);
        Assert.Contains(nameof(ObjectDisposedException), notes.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineHost_UsesTheStoppingExceptionHandler()
    {
        await using var tenant = await LocalTenant.StartAsync(new LocalTenantOptions { Mailboxes = [("adele", "Adele Vance")] });

        Assert.IsType<StoppingExceptionHandler>(tenant.Host.Services.GetRequiredService<IWebJobsExceptionHandler>());
    }

    private sealed class RecordingHandler : IWebJobsExceptionHandler
    {
        public int Unhandled { get; private set; }

        public int TimedOut { get; private set; }

        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            TimedOut++;
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            Unhandled++;
            return Task.CompletedTask;
        }
    }
}

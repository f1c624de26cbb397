using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;

namespace Remediation.LocalHost;

/// <summary>
/// The WebJobs exception handler, except while the host stops. The SDK's queue listener waits for the messages it is
/// processing when it stops, but a poll already in flight can still hand it a batch after that wait began. Those
/// late invocations run with a cancelled token and may end after the host's services are disposed; the default
/// handler then rethrows their <see cref="ObjectDisposedException"/> on a new thread and ends the whole process.
/// Nothing is lost by ignoring them: a message whose invocation did not complete is not deleted, so it comes back
/// when its visibility timeout ends.
/// </summary>
public sealed class StoppingExceptionHandler(IHostApplicationLifetime lifetime, IWebJobsExceptionHandler whileRunning, TextWriter? notes = null)
    : IWebJobsExceptionHandler
{
    private readonly TextWriter _notes = notes ?? Console.Error;

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) =>
        IgnoredWhileStopping(exceptionInfo) ? Task.CompletedTask : whileRunning.OnTimeoutExceptionAsync(exceptionInfo, timeoutGracePeriod);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) =>
        IgnoredWhileStopping(exceptionInfo) ? Task.CompletedTask : whileRunning.OnUnhandledExceptionAsync(exceptionInfo);

    private bool IgnoredWhileStopping(ExceptionDispatchInfo exceptionInfo)
    {
        if (!lifetime.ApplicationStopping.IsCancellationRequested) return false;
        // The loggers may be disposed by now. Only the type: a message could quote a request.
        _notes.WriteLine($"Ignored {exceptionInfo.SourceException.GetType().Name} from a queue invocation that ended after the host began stopping.");
        return true;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>How the receiver answers Graph's validation handshake.</summary>
internal enum HandshakeAnswer
{
    EchoToken,
    WrongToken,
}

/// <summary>One planned answer to a notification POST.</summary>
internal sealed record PlannedReply(int Status, TimeSpan Delay);

/// <summary>A notification POST as the receiver got it.</summary>
internal sealed record ReceivedPost(string Path, string Query, JsonObject Body, int AnsweredStatus)
{
    public IReadOnlyList<JsonObject> Notifications => [.. Body["value"]!.AsArray().Select(n => n!.AsObject())];
}

/// <summary>
/// A tiny Kestrel listener standing in for the pipeline's webhook: answers the validation handshake and records
/// notification POSTs, answering them as planned (202 when nothing is planned).
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedPost> posts = new();
    private readonly ConcurrentQueue<PlannedReply> plannedReplies = new();
    private readonly ConcurrentQueue<string> validationTokens = new();

    private NotificationReceiver(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Carries a query string, as a function key would, to check that Graph keeps it.</summary>
    public Uri NotificationUrl => new(BaseAddress, "notify?code=function-key");

    public Uri LifecycleUrl => new(BaseAddress, "lifecycle");

    public HandshakeAnswer Handshake { get; set; } = HandshakeAnswer.EchoToken;

    public IReadOnlyList<ReceivedPost> Posts => [.. posts];

    /// <summary>POSTs answered 2xx, to one path.</summary>
    public IReadOnlyList<ReceivedPost> Accepted(string path) =>
        [.. posts.Where(p => p.Path == path && p.AnsweredStatus is >= 200 and < 300)];

    public IReadOnlyList<JsonObject> AcceptedNotifications(string path = "/notify") =>
        [.. Accepted(path).SelectMany(p => p.Notifications)];

    public IReadOnlyList<string> ValidationTokens => [.. validationTokens];

    public void Plan(params PlannedReply[] replies)
    {
        foreach (var reply in replies)
        {
            plannedReplies.Enqueue(reply);
        }
    }

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.MapPost("/{**path}", (Delegate)((HttpContext context) => receiver!.HandleAsync(context)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new NotificationReceiver(app, new Uri(address.TrimEnd('/') + "/"));
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (context.Request.Query.TryGetValue("validationToken", out var token))
        {
            validationTokens.Enqueue(token.ToString());
            return Handshake == HandshakeAnswer.EchoToken
                ? Results.Text(token.ToString(), "text/plain")
                : Results.Text("not-the-token", "text/plain");
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var reply = plannedReplies.TryDequeue(out var planned) ? planned : new PlannedReply(StatusCodes.Status202Accepted, TimeSpan.Zero);
        posts.Enqueue(new ReceivedPost(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, body, reply.Status));
        if (reply.Delay > TimeSpan.Zero)
        {
            // The simulator hangs up once its budget is spent; stop waiting then.
            await Task.Delay(reply.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Results.StatusCode(reply.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

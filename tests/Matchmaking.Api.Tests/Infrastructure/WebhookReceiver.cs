using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>A real HTTP receiver on 127.0.0.1 that records what it is sent and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every request, in arrival order, with the status it was answered with.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The status to answer the n-th request (from 1) with; 200 unless the test says otherwise.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public IEnumerable<Received> Accepted => Requests.Where(r => r.Status is >= 200 and < 300);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            var status = receiver.Answer(Interlocked.Increment(ref receiver._requests));
            receiver.Requests.Enqueue(new Received(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(),
                body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitUntilAsync(Func<WebhookReceiver, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; received {Requests.Count} requests: "
                + string.Join(", ", Requests.Select(r => $"{r.Type}:{r.Status}")));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Received(string Id, string Timestamp, string Signature, string Body, int Status)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        public string Type => Json["type"]!.GetValue<string>();

        /// <summary>
        /// Standard Webhooks verification, written from the specification (not the API's code): HMAC-SHA256 keyed
        /// with the base64 after "whsec_", over "{id}.{timestamp}.{body}", compared with each "v1," signature.
        /// </summary>
        public bool IsSignedWith(string secret)
        {
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
            return Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PocketIT.Server.Tests.Assistant;

/// <summary>
/// A local HTTP server that speaks one provider's wire format at one path: it records the request and
/// answers with a canned body, an error status, or nothing until the test ends (to force a timeout).
/// </summary>
public sealed class StubProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    public enum Mode { Answer, Fail, Hang }

    private StubProvider(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;
    public JsonNode? LastBody { get; private set; }
    public Dictionary<string, string>? LastHeaders { get; private set; }
    public Mode Behaviour { get; set; } = Mode.Answer;

    public static async Task<StubProvider> StartAsync(string path, string replyJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubProvider(app);
        app.MapPost(path, async (HttpContext context) =>
        {
            // Copied: Kestrel recycles the header collection once the request ends.
            stub.LastHeaders = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            stub.LastBody = await JsonNode.ParseAsync(context.Request.Body);
            switch (stub.Behaviour)
            {
                case Mode.Fail:
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("""{"error":"boom"}""");
                    return;
                case Mode.Hang:
                    try { await Task.Delay(Timeout.Infinite, stub._stopping.Token); } catch (OperationCanceledException) { }
                    return;
                default:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(replyJson);
                    return;
            }
        });
        await app.StartAsync();
        stub.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

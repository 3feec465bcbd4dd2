using System.Diagnostics;
using Microsoft.Extensions.AI;
using PocketIT.Server.Assistant;
using PocketIT.Server.Assistant.Providers;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.PocketIt.Settings;

/// <summary>
/// The Settings page's "Test" button: one short prompt through the same <see cref="AssistantClientFactory"/> the
/// chat uses, so a green result means the chat will reach the provider the same way.
/// </summary>
public sealed class LlmProbe(AssistantClientFactory clients, ILogger<LlmProbe> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    public const int MaxReply = 500;

    private static readonly ChatMessage[] Prompt =
    [
        new(ChatRole.System, "You are answering a connection test from the Pocket IT server. Reply with one short sentence."),
        new(ChatRole.User, "Please confirm that you can read this message."),
    ];

    public async Task<LlmTestResult> RunAsync(LlmConfiguration config, CancellationToken requestAborted)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(Timeout);
        try
        {
            var response = await clients.Create(config).GetResponseAsync(Prompt, cancellationToken: timeout.Token);
            var reply = response.Text.Trim();
            if (reply.Length == 0) return Failed(config, "The provider sent an empty reply", clock);
            return new LlmTestResult(true, config.Provider, config.Model, reply.Length <= MaxReply ? reply : reply[..MaxReply] + "…",
                clock.ElapsedMilliseconds, null);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Failed(config, $"No answer within {Timeout.TotalSeconds:0} s", clock);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("LLM test of {Provider} failed: {Error}", config.Provider, ex.Message);
            return Failed(config, Describe(ex, config), clock);
        }
    }

    private static LlmTestResult Failed(LlmConfiguration config, string error, Stopwatch clock) =>
        new(false, config.Provider, config.Model, null, clock.ElapsedMilliseconds, error);

    /// <summary>Provider errors are written never to carry the key; anything else is scrubbed of it to be sure.</summary>
    private static string Describe(Exception ex, LlmConfiguration config)
    {
        var message = ex switch
        {
            AssistantProviderException => ex.Message,
            HttpRequestException => $"Could not reach {config.Provider}: {ex.Message}",
            _ => $"{config.Provider} failed: {ex.Message}",
        };
        if (config.ApiKey is { Length: > 0 } key) message = message.Replace(key, "****");
        return message.Length <= MaxReply ? message : message[..MaxReply] + "…";
    }
}

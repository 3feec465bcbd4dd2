using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocketIT.Server.Assistant;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt.Llm;

namespace PocketIT.Server.Tests.Assistant;

/// <summary>Each remote provider against a local stub of its API: request shape, reply, HTTP failure and timeout.</summary>
public sealed class ProviderWireTests
{
    public static TheoryData<string, string, string, string> Providers => new()
    {
        { "ollama", "/api/chat", """{"message":{"role":"assistant","content":"Let me check. [ACTION:DIAGNOSE:network]"}}""", "llama3.2" },
        { "openai", "/v1/chat/completions", """{"choices":[{"message":{"role":"assistant","content":"Let me check. [ACTION:DIAGNOSE:network]"}}]}""", "gpt-4o-mini" },
        { "anthropic", "/v1/messages", """{"content":[{"type":"text","text":"Let me check. [ACTION:DIAGNOSE:network]"}]}""", "claude-sonnet-4-5-20250929" },
        { "gemini", "/v1beta/models/gemini-2.5-flash-lite:generateContent", """{"candidates":[{"content":{"parts":[{"text":"Let me check. [ACTION:DIAGNOSE:network]"}]}}]}""", "gemini-2.5-flash-lite" },
    };

    private static readonly DeviceContext Device = new("device-abc123", "PC-1", "Windows 11", "CPU", 16, 512, 8);
    private static readonly ConversationTurn[] History = [new("user", "my internet is slow")];

    private static DeviceAssistant Assistant(string provider, Uri url, int timeoutSeconds = 30)
    {
        var options = new PocketItOptions { Ai = new AiOptions { Provider = provider, Url = url.ToString().TrimEnd('/'), ApiKey = "test-key-123", TimeoutSeconds = timeoutSeconds } };
        var monitor = new StaticOptions(options);
        return new DeviceAssistant(new AssistantClientFactory(), new LlmSettings(monitor), monitor, TimeProvider.System, NullLogger<DeviceAssistant>.Instance);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Provider_request_has_its_wire_shape_and_the_reply_is_parsed(string provider, string path, string reply, string model)
    {
        await using var stub = await StubProvider.StartAsync(path, reply);
        var answer = await Assistant(provider, stub.BaseUri).ReplyAsync(Device, History, feedback: null);

        Assert.False(answer.Failed);
        Assert.Equal("Let me check.", answer.Text);
        Assert.Equal("network", answer.Action!.CheckType);
        var body = stub.LastBody!;
        var text = body.ToJsonString();
        Assert.Contains("my internet is slow", text);
        Assert.Contains("Casey", text); // the system prompt names the agent
        switch (provider)
        {
            case "ollama":
                Assert.Equal(model, body["model"]!.GetValue<string>());
                Assert.False(body["stream"]!.GetValue<bool>());
                Assert.Equal("system", body["messages"]![0]!["role"]!.GetValue<string>());
                break;
            case "openai":
                Assert.Equal(model, body["model"]!.GetValue<string>());
                Assert.Equal(0.7, body["temperature"]!.GetValue<double>());
                Assert.Equal("Bearer test-key-123", stub.LastHeaders!["Authorization"]);
                break;
            case "anthropic":
                Assert.Equal(model, body["model"]!.GetValue<string>());
                Assert.Equal(4096, body["max_tokens"]!.GetValue<int>());
                Assert.Contains("Casey", body["system"]!.GetValue<string>());
                Assert.Equal("user", body["messages"]![0]!["role"]!.GetValue<string>());
                Assert.Equal("test-key-123", stub.LastHeaders!["x-api-key"]);
                Assert.Equal("2023-06-01", stub.LastHeaders!["anthropic-version"]);
                break;
            case "gemini":
                Assert.Equal("user", body["contents"]![0]!["role"]!.GetValue<string>());
                Assert.NotNull(body["systemInstruction"]);
                Assert.Equal("test-key-123", stub.LastHeaders!["x-goog-api-key"]);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Provider_http_failure_becomes_the_fallback_reply(string provider, string path, string reply, string model)
    {
        _ = model;
        await using var stub = await StubProvider.StartAsync(path, reply);
        stub.Behaviour = StubProvider.Mode.Fail;
        var answer = await Assistant(provider, stub.BaseUri).ReplyAsync(Device, History, feedback: null);
        Assert.True(answer.Failed);
        Assert.Equal(AssistantReply.FailureText, answer.Text);
        Assert.Null(answer.Action);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Provider_that_does_not_answer_in_time_becomes_the_fallback_reply(string provider, string path, string reply, string model)
    {
        _ = model;
        await using var stub = await StubProvider.StartAsync(path, reply);
        stub.Behaviour = StubProvider.Mode.Hang;
        var answer = await Assistant(provider, stub.BaseUri, timeoutSeconds: 1).ReplyAsync(Device, History, feedback: null);
        Assert.True(answer.Failed);
    }

    [Fact]
    public async Task Malformed_provider_reply_becomes_the_fallback_reply()
    {
        await using var stub = await StubProvider.StartAsync("/v1/chat/completions", """{"choices":[]}""");
        var answer = await Assistant("openai", stub.BaseUri).ReplyAsync(Device, History, feedback: null);
        Assert.True(answer.Failed);
    }

    private sealed class StaticOptions(PocketItOptions value) : IOptionsMonitor<PocketItOptions>
    {
        public PocketItOptions CurrentValue => value;
        public PocketItOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<PocketItOptions, string?> listener) => null;
    }
}

using System.Globalization;
using System.Text.Json;
using PocketIT.Agent.LocalChat;

namespace PocketIT.Agent.Connection;

/// <summary>The server's chat events (<c>chat_response</c>, <c>chat_history</c>, <c>ai_status</c>) turned into chat UI lines.</summary>
public sealed class ChatEvents(IChatDisplay display)
{
    private DateTime _newestHistory = DateTime.MinValue;
    private bool? _aiEnabled;

    public string? AgentName { get; private set; }

    public void AgentInfo(JsonElement payload) => AgentName = PayloadFields.String(payload, "agentName", 100) ?? AgentName;

    public void Response(JsonElement payload)
    {
        var text = PayloadFields.String(payload, "text", 20_000);
        if (string.IsNullOrWhiteSpace(text)) return;
        var (sender, name) = PayloadFields.String(payload, "sender", 32) switch
        {
            "ai" => ("assistant", (string?)null),
            "it_tech" => ("it", PayloadFields.String(payload, "senderName", 100)),
            _ => ("system", null),
        };
        display.Publish(LocalMessage.Line(sender, text, name));
    }

    /// <summary>Shows history messages newer than any shown before, so a reconnect does not repeat the chat.</summary>
    public void History(JsonElement payload)
    {
        var messages = PayloadFields.Element(payload, "messages");
        if (messages.ValueKind != JsonValueKind.Array) return;
        foreach (var message in messages.EnumerateArray())
        {
            var at = DateTime.TryParse(PayloadFields.String(message, "created_at", 64), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : DateTime.MinValue;
            if (at != DateTime.MinValue && at <= _newestHistory) continue;
            if (at > _newestHistory) _newestHistory = at;
            var sender = PayloadFields.String(message, "sender", 32) switch
            {
                "user" => "you",
                "ai" => "assistant",
                "it_tech" => "it",
                _ => "system",
            };
            display.Publish(LocalMessage.Line(sender, PayloadFields.String(message, "content", 20_000) ?? ""));
        }
    }

    public void AiStatus(JsonElement payload)
    {
        var enabled = PayloadFields.Flag(payload, "enabled");
        if (_aiEnabled == enabled) return;
        var first = _aiEnabled is null;
        _aiEnabled = enabled;
        if (enabled && first) return;
        display.Publish(LocalMessage.Line("system", enabled
            ? "The assistant is available again."
            : PayloadFields.String(payload, "reason", 32) == "it_active"
                ? "A technician is handling this chat; your messages go to them."
                : "The assistant is switched off for this device; your messages go to IT."));
    }
}

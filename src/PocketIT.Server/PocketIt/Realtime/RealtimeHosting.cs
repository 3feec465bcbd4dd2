using System.Text.Json;
using PocketIT.Server.Core.Http;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Tickets;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>Socket.IO on the Pocket IT port: <c>/agent</c> for devices, <c>/it</c> for staff, at path <c>/socket.io</c>.</summary>
public static class RealtimeHosting
{
    public const string Path = "/socket.io";
    /// <summary>Room for a screenshot (<see cref="AgentEvents.MaxScreenshotChars"/>) plus its envelope, and no more.</summary>
    public const int MaxPayloadBytes = 10 * 1024 * 1024;

    public static IServiceCollection AddPocketItRealtime(this IServiceCollection services)
    {
        services.AddSingleton<RealtimeHub>();
        services.AddSingleton<DevicePresence>();
        services.AddSingleton<SlidingWindowLimiter>();
        services.AddSingleton<PendingToolRequests>();
        services.AddSingleton<AssistantPauses>();
        services.AddSingleton<AwaitingDiagnostics>();
        services.AddSingleton<RequestIds>();
        services.AddScoped<ChatStore>();
        services.AddScoped<DeviceChatService>();
        services.AddScoped<AssistantActionRunner>();
        services.AddScoped<RemediationValidator>();
        services.AddScoped<DiagnosticIntake>();
        services.AddScoped<AiTickets>();
        services.AddScoped<TicketEvents>();
        services.AddSingleton<StalenessSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<StalenessSweep>());
        return services;
    }

    public static void MapPocketItRealtime(this IEndpointRouteBuilder face)
    {
        var mapped = face.MapSocketIO(Path, o =>
        {
            o.MaxHttpBufferSize = MaxPayloadBytes;
            o.JsonSerializerOptions = WireJson();
            o.Namespace(RealtimeRooms.AgentNamespace, AgentConnection.Configure);
            o.Namespace(RealtimeRooms.ItNamespace, ItConnection.Configure);
        });
        // Each namespace authenticates in its own connection middleware; the HTTP endpoint itself is open.
        mapped.AllowAnonymous();
        face.ServiceProvider.GetRequiredService<RealtimeHub>().Attach(mapped.Server);
    }

    /// <summary>Field names exactly as written in the payloads (the documents mix camelCase and snake_case); ISO times.</summary>
    private static JsonSerializerOptions WireJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null, DictionaryKeyPolicy = null };
        options.Converters.Add(new UtcDateTimeJsonConverter());
        return options;
    }
}

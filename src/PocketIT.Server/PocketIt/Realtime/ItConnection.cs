using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.Core.Identity;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.SocketIO;

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Staff joining <c>/it</c> (notes §6): a full JWT in <c>auth.token</c> (query as fallback); temp 2FA tokens are
/// refused. A direct loopback connection without forwarding headers may omit it and acts as the bootstrap
/// admin, as in REST. The socket then joins one room per client in its scope.
/// </summary>
public static class ItConnection
{
    public const string CallerKey = "caller";
    public const string ScopeKey = "scope";

    public static void Configure(SocketIONamespace ns)
    {
        ns.Use(AuthenticateAsync);
        ns.OnDisconnect(OnDisconnectedAsync);
        ItEvents.Map(ns);
    }

    public static Caller Caller(this SocketIOSocket socket) => (Caller)socket.Data[CallerKey]!;
    public static ClientScope Scope(this SocketIOSocket socket) => (ClientScope)socket.Data[ScopeKey]!;

    private static async Task AuthenticateAsync(SocketIOConnectContext context)
    {
        var auth = context.Handshake.Auth;
        var token = auth.ValueKind == JsonValueKind.Object && auth.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : context.Handshake.Query["token"].ToString();
        await using var scope = context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();

        StaffUser? user;
        var bypass = false;
        if (string.IsNullOrEmpty(token))
        {
            var options = services.GetRequiredService<IOptions<PocketItOptions>>().Value;
            if (!LocalhostBypass.Applies(context.Handshake.RemoteIpAddress, context.Handshake.Headers, options.Auth.LocalhostBypass))
            {
                context.Reject("Authentication required");
                return;
            }
            user = await services.GetRequiredService<BootstrapAdmin>().FindAsync(db);
            bypass = true;
        }
        else
        {
            var subject = await services.GetRequiredService<StaffTokenService>().ReadFullTokenAsync(token);
            user = subject is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId);
            if (user is not null && !user.Honours(subject!)) user = null;
        }
        if (user is null)
        {
            context.Reject("Invalid or expired token");
            return;
        }

        var caller = new Caller(user.Id, user.Username, user.Role, bypass);
        var clientScope = await services.GetRequiredService<ScopeService>().ForAsync(caller);
        context.Socket.Data[CallerKey] = caller;
        context.Socket.Data[ScopeKey] = clientScope;
        if (clientScope.All) context.Socket.Join(RealtimeRooms.AllClients);
        else context.Socket.Join(clientScope.ClientIds.Select(RealtimeRooms.Client));
    }

    private static async Task OnDisconnectedAsync(SocketIOSocket socket, string reason)
    {
        var services = socket.Services;
        services.GetRequiredService<SlidingWindowLimiter>().Forget(socket.Id + ":");
        var pauses = services.GetRequiredService<AssistantPauses>();
        foreach (var deviceId in pauses.PausedBy(socket.Id))
            await pauses.ResumeIfPausedByAsync(deviceId, socket.Id);
    }
}

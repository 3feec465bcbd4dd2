using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PocketIT.SocketIO.Timing;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// Answers the HTTP requests of one Engine.IO endpoint: handshakes, polls, posts and WebSocket
/// upgrades, and keeps the table of live sessions.
/// </summary>
public sealed class EngineIOServer : IDisposable
{
    private readonly ConcurrentDictionary<string, EngineIOSession> _sessions = new(StringComparer.Ordinal);
    private readonly Func<EngineIOSession, IEngineIOHandler> _handlerFactory;

    public EngineIOServer(EngineIOOptions options, Func<EngineIOSession, IEngineIOHandler> handlerFactory)
    {
        Options = options;
        _handlerFactory = handlerFactory;
        Wheel = new TimerWheel(options.TimeProvider, options.TimerResolution);
    }

    public EngineIOOptions Options { get; }
    internal TimerWheel Wheel { get; }
    public int SessionCount => _sessions.Count;

    public bool TryGetSession(string sid, out EngineIOSession session) => _sessions.TryGetValue(sid, out session!);

    internal void Remove(EngineIOSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, EngineIOSession>(session.Id, session));

    public async Task HandleRequestAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ApplyCors(context)) return;
        if (HttpMethods.IsOptions(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (request.Query["EIO"] != "4")
        {
            await EngineErrors.WriteAsync(context, EngineErrors.UnsupportedProtocolVersion);
            return;
        }
        var transport = request.Query["transport"].ToString();
        var isWebSocketTransport = transport == "websocket" && Options.AllowWebSocket;
        if (!(transport == "polling" && Options.AllowPolling) && !isWebSocketTransport)
        {
            await EngineErrors.WriteAsync(context, EngineErrors.UnknownTransport);
            return;
        }
        var sid = request.Query["sid"];
        if (StringValues.IsNullOrEmpty(sid))
        {
            await HandshakeAsync(context, isWebSocketTransport);
            return;
        }
        if (!_sessions.TryGetValue(sid.ToString(), out var session))
        {
            await EngineErrors.WriteAsync(context, EngineErrors.UnknownSid);
            return;
        }
        if (isWebSocketTransport)
        {
            await UpgradeAsync(context, session);
            return;
        }
        if (HttpMethods.IsGet(request.Method)) await session.HandlePollAsync(context);
        else if (HttpMethods.IsPost(request.Method)) await session.HandlePostAsync(context);
        else await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
    }

    private async Task HandshakeAsync(HttpContext context, bool webSocket)
    {
        if (webSocket)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
                return;
            }
            if (!OriginAllowed(context))
            {
                await EngineErrors.WriteAsync(context, EngineErrors.Forbidden, StatusCodes.Status403Forbidden);
                return;
            }
        }
        else if (!HttpMethods.IsGet(context.Request.Method))
        {
            await EngineErrors.WriteAsync(context, EngineErrors.BadHandshakeMethod);
            return;
        }

        var session = new EngineIOSession(this, NewSessionId(), context, webSocket);
        var open = session.BuildOpenPacket();
        if (webSocket)
        {
            var (ws, stream) = await WebSocketAcceptor.AcceptAsync(context);
            session.AttachWebSocket(ws, stream);
            _sessions[session.Id] = session;
            session.Start(_handlerFactory(session));
            session.Send(new EngineFrame(open, false));
            session.NotifyOpen();
            await session.RunWebSocketAsync(ws);
            return;
        }

        _sessions[session.Id] = session;
        session.Start(_handlerFactory(session));
        session.NotifyOpen(); // before the client can know the sid, so no packet overtakes the open
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        context.Response.ContentLength = open.Length;
        EngineIOSession.ApplyCommonHeaders(context.Response);
        await context.Response.Body.WriteAsync(open);
    }

    private async Task UpgradeAsync(HttpContext context, EngineIOSession session)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Options.AllowUpgrades)
        {
            await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
            return;
        }
        if (!OriginAllowed(context))
        {
            await EngineErrors.WriteAsync(context, EngineErrors.Forbidden, StatusCodes.Status403Forbidden);
            return;
        }
        if (!session.TryBeginProbe())
        {
            await EngineErrors.WriteAsync(context, EngineErrors.BadRequest);
            return;
        }
        System.Net.WebSockets.WebSocket ws;
        BatchingUpgradeStream? stream;
        try
        {
            (ws, stream) = await WebSocketAcceptor.AcceptAsync(context);
        }
        catch
        {
            session.ReleaseProbe();
            throw;
        }
        await session.RunProbeAsync(ws, stream);
    }

    /// <summary>Adds CORS headers to polling answers; false when the request was refused.</summary>
    private bool ApplyCors(HttpContext context)
    {
        var origins = Options.CorsOrigins;
        if (origins is null) return true;
        var origin = context.Request.Headers.Origin.ToString();
        var headers = context.Response.Headers;
        if (origins.Contains("*"))
        {
            headers.AccessControlAllowOrigin = Options.CorsCredentials && origin.Length > 0 ? origin : "*";
        }
        else if (origin.Length > 0 && origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.Vary = "Origin";
        }
        else
        {
            return true; // no CORS headers: the browser itself blocks the response
        }
        if (Options.CorsCredentials) headers.AccessControlAllowCredentials = "true";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            headers.AccessControlAllowMethods = "GET,POST,OPTIONS";
            var requested = context.Request.Headers.AccessControlRequestHeaders;
            if (!StringValues.IsNullOrEmpty(requested)) headers.AccessControlAllowHeaders = requested;
        }
        return true;
    }

    /// <summary>Browsers let any page open a WebSocket anywhere, so a WebSocket carrying an Origin
    /// must come from an allowed origin, or from this same host when no CORS origins are set.</summary>
    private bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true; // not a browser
        var origins = Options.CorsOrigins;
        if (origins is not null)
            return origins.Contains("*") || origins.Contains(origin, StringComparer.OrdinalIgnoreCase);
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Closes every session (on shutdown).</summary>
    public void CloseAll()
    {
        foreach (var session in _sessions.Values) session.Close();
    }

    public void Dispose() => Wheel.Dispose();
}

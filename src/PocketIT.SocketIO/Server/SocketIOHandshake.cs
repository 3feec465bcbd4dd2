using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PocketIT.SocketIO;

/// <summary>What a client presented when it connected to a namespace: the HTTP request that opened
/// the connection (query, headers, address) and the auth payload of its CONNECT packet.</summary>
public sealed class SocketIOHandshake
{
    internal SocketIOHandshake(Engine.EngineIOSession session, JsonElement auth, DateTimeOffset time)
    {
        Query = session.Query;
        Headers = session.Headers;
        RemoteIpAddress = session.RemoteIpAddress;
        Url = session.Url;
        Secure = session.Secure;
        Auth = auth;
        Time = time;
    }

    public IQueryCollection Query { get; }
    public IHeaderDictionary Headers { get; }
    public IPAddress? RemoteIpAddress { get; }
    public string Url { get; }
    public bool Secure { get; }

    /// <summary>The CONNECT payload; an empty object when the client sent none.</summary>
    public JsonElement Auth { get; }

    public DateTimeOffset Time { get; }
}

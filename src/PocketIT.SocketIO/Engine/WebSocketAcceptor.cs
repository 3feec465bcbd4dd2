using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// Accepts a WebSocket over HTTP/1.1 by upgrading the connection itself, so the socket writes through a
/// <see cref="BatchingUpgradeStream"/>. Anything else (HTTP/2 WebSockets) goes through the framework's accept.
/// </summary>
internal static class WebSocketAcceptor
{
    private static readonly byte[] Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8.ToArray();

    public static async Task<(WebSocket Socket, BatchingUpgradeStream? Stream)> AcceptAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        if (upgrade is null || !upgrade.IsUpgradableRequest || key.Length == 0 || context.Request.Headers.SecWebSocketVersion != "13")
        {
            var framework = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero });
            return (framework, null);
        }

        context.Response.Headers.Connection = HeaderNames.Upgrade;
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = AcceptKey(key);
        var upgraded = await upgrade.UpgradeAsync();
        var stream = new BatchingUpgradeStream(upgraded, context);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        return (socket, stream);
    }

    private static string AcceptKey(string key)
    {
        Span<byte> input = stackalloc byte[Encoding.ASCII.GetMaxByteCount(key.Length) + Guid.Length];
        var length = Encoding.ASCII.GetBytes(key, input);
        Guid.CopyTo(input[length..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input[..(length + Guid.Length)], hash);
        return Convert.ToBase64String(hash);
    }
}

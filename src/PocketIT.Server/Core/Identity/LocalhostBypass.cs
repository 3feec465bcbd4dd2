using System.Net;
using Microsoft.AspNetCore.Http;

namespace PocketIT.Server.Core.Identity;

/// <summary>
/// The documents' "localhost bypass": a direct loopback connection acts as the bootstrap admin.
/// A proxy on the same machine makes every request look local, so any forwarding header disqualifies it.
/// </summary>
public static class LocalhostBypass
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    public static bool Applies(HttpContext context, bool enabled) =>
        Applies(context.Connection.RemoteIpAddress, context.Request.Headers, enabled);

    /// <summary>The same rule for a connection that is no longer an HTTP request (a Socket.IO handshake).</summary>
    public static bool Applies(IPAddress? remote, IHeaderDictionary headers, bool enabled)
    {
        if (!enabled) return false;
        if (remote is null || !IsLoopback(remote)) return false;
        foreach (var header in ForwardingHeaders)
            if (headers.ContainsKey(header)) return false;
        return true;
    }

    private static bool IsLoopback(IPAddress address) =>
        address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback)
        || (address.IsIPv4MappedToIPv6 && address.MapToIPv4().Equals(IPAddress.Loopback));
}

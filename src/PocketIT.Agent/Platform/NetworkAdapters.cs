using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace PocketIT.Agent.Platform;

/// <summary>The profile's <c>networkAdapters</c> list ({Name,Status,MacAddress,Speed,IPv4}) from .NET's view of the interfaces.</summary>
public static class NetworkAdapters
{
    private const int MaxAdapters = 32;

    public static JsonArray Describe()
    {
        var list = new JsonArray();
        NetworkInterface[] interfaces;
        try { interfaces = NetworkInterface.GetAllNetworkInterfaces(); }
        catch (NetworkInformationException) { return list; }
        foreach (var nic in interfaces.Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback).Take(MaxAdapters))
        {
            list.Add(new JsonObject
            {
                ["Name"] = nic.Name,
                ["Status"] = nic.OperationalStatus.ToString(),
                ["MacAddress"] = Mac(nic),
                ["Speed"] = Speed(nic),
                ["IPv4"] = IPv4(nic),
            });
        }
        return list;
    }

    /// <summary>"Up (eth0)" style summary of the adapters that carry traffic, for the network check.</summary>
    public static string Summary()
    {
        try
        {
            var up = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback && n.OperationalStatus == OperationalStatus.Up)
                .Select(n => n.Name).ToList();
            return up.Count == 0 ? "Down (no active adapter)" : $"Up ({string.Join(", ", up.Take(8))})";
        }
        catch (NetworkInformationException e) { return "Unknown: " + e.Message; }
    }

    /// <summary>Link speed as Windows prints it ("1 Gbps", "100 Mbps"), or null when the driver does not say.</summary>
    public static string? FormatSpeed(long bitsPerSecond) => bitsPerSecond switch
    {
        <= 0 => null,
        // Linux reports an unknown link speed as (uint)-1 Mbps; nothing real is that fast.
        >= 100_000_000_000_000 => null,
        >= 1_000_000_000 when bitsPerSecond % 1_000_000_000 == 0 => $"{bitsPerSecond / 1_000_000_000} Gbps",
        >= 1_000_000 => $"{Units.Round(bitsPerSecond / 1_000_000d)} Mbps",
        _ => $"{Units.Round(bitsPerSecond / 1_000d)} Kbps",
    };

    private static string? Mac(NetworkInterface nic)
    {
        var bytes = nic.GetPhysicalAddress().GetAddressBytes();
        return bytes.Length == 0 ? null : string.Join("-", bytes.Select(b => b.ToString("X2")));
    }

    private static string? Speed(NetworkInterface nic)
    {
        try { return FormatSpeed(nic.Speed); }
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or IOException) { return null; }
    }

    private static string? IPv4(NetworkInterface nic)
    {
        try
        {
            var addresses = nic.GetIPProperties().UnicastAddresses
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork).Select(a => a.Address.ToString()).ToList();
            return addresses.Count == 0 ? null : string.Join(", ", addresses);
        }
        catch (NetworkInformationException) { return null; }
    }
}

namespace PocketIT.Server.PocketIt.Realtime;

/// <summary>
/// Room names. Staff sockets join one room per client in their scope (admins one room for all), so a device
/// event reaches exactly the staff allowed to see it; watchers of a device and a device's own agent get rooms too.
/// </summary>
public static class RealtimeRooms
{
    public const string AgentNamespace = "/agent";
    public const string ItNamespace = "/it";
    public const string AllClients = "staff:all";

    public static string Client(int clientId) => $"client:{clientId}";
    public static string Watchers(string deviceId) => $"watch:{deviceId}";
    public static string Agent(string deviceId) => $"agent:{deviceId}";
}

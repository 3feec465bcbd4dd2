namespace PocketIT.Server.Assistant.Builtin;

/// <summary>A kind of problem the built-in assistant recognises, with the words that give it away.</summary>
public sealed record Complaint(string Name, string[] Keywords, string Reply);

/// <summary>
/// The complaints, most specific first: "my internet is slow" must match the network before "slow" matches the PC.
/// Each reply ends with its one action tag, so the server's usual tag handling executes it.
/// </summary>
public static class Complaints
{
    public static readonly Complaint Account = new("account",
        ["password", "locked out", "log in", "login", "sign in", "signin", "account", "mfa", "2fa"],
        "Password and account problems need a technician, because I can't change accounts from this PC. I've opened a ticket so IT can help you sign in. [ACTION:TICKET:high:Password or account problem|{0}]");

    public static readonly Complaint NoInternet = new("no_internet",
        ["no internet", "internet is down", "internet down", "no connection", "can't connect", "cannot connect", "offline", "wifi", "wi-fi", "disconnect"],
        "Let's find out why you're offline. I'll run a network diagnostic to check your adapter, the route to the internet and DNS. [ACTION:DIAGNOSE:network]");

    public static readonly Complaint SlowInternet = new("slow_internet",
        ["internet", "network", "web", "browser", "download", "website", "dns"],
        "I can help with that. Let me run a network diagnostic to measure your connection and check DNS. [ACTION:DIAGNOSE:network]");

    public static readonly Complaint Printer = new("printer",
        ["printer", "print", "spooler", "scan"],
        "Printing problems are often a stuck print queue. Let me check the services on this PC first. [ACTION:DIAGNOSE:services]");

    public static readonly Complaint DiskFull = new("disk_full",
        ["disk", "storage", "space", "drive", "full"],
        "Let me check how full your drives are. [ACTION:DIAGNOSE:disk]");

    public static readonly Complaint Crashes = new("crashes",
        ["crash", "blue screen", "bsod", "freez", "hang", "not responding", "restart"],
        "Let me look at the system event log for errors around those crashes. [ACTION:DIAGNOSE:event_log]");

    public static readonly Complaint SlowComputer = new("slow_computer",
        ["slow", "sluggish", "lag", "takes forever", "performance"],
        "Let me see which programs are using the most CPU and memory right now. [ACTION:DIAGNOSE:top_processes]");

    public static readonly Complaint Human = new("human",
        ["technician", "human", "ticket", "real person", "someone from it"],
        "Of course. I've opened a ticket so a technician can get in touch with you. [ACTION:TICKET:medium:User asked for a technician|{0}]");

    public static readonly Complaint[] All = [Account, NoInternet, SlowInternet, Printer, DiskFull, Crashes, SlowComputer, Human];

    public static Complaint? Recognise(string text)
    {
        var lower = text.ToLowerInvariant();
        return All.FirstOrDefault(c => c.Keywords.Any(lower.Contains));
    }
}

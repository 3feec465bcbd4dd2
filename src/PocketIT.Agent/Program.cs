using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Hosting;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent;

/// <summary>Composition only: parse the command line, then run the agent, the chat or the status command.</summary>
public static class AgentProgram
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine cli;
        try { cli = CommandLine.Parse(args); }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine("pocketit-agent: " + e.Message);
            return AgentExit.ConfigurationError;
        }

        var baseDir = AppContext.BaseDirectory;
        using var interrupt = new CancellationTokenSource();
        switch (cli.Verb)
        {
            case "help":
                Console.WriteLine(CommandLine.Usage);
                return 0;
            case "chat":
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; interrupt.Cancel(); };
                return await new ChatCommand(Console.In, Console.Out).RunAsync(AgentSettingsLoader.ChatSocketsToTry(cli, baseDir), interrupt.Token);
            case "status":
                return await StatusCommand.RunAsync(AgentSettingsLoader.DataDirOnly(cli, baseDir), AgentSettingsLoader.ChatSocketsToTry(cli, baseDir), Console.Out, interrupt.Token);
        }

        AgentSettings settings;
        ApprovalPolicy policy;
        IDevicePlatform platform;
        try
        {
            settings = AgentSettingsLoader.Load(cli, baseDir, Environment.ProcessPath);
            policy = ApprovalPolicy.Load(settings.PolicyPath);
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine("pocketit-agent: " + e.Message);
            return AgentExit.ConfigurationError;
        }
        try { platform = DevicePlatforms.ForCurrentOs(); }
        catch (PlatformNotSupportedException e)
        {
            Console.Error.WriteLine("pocketit-agent: " + e.Message);
            return 1;
        }

        using var host = AgentHost.Build(settings, platform, policy, builder =>
        {
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(o => o.ServiceName = "PocketIT Agent");
        });
        try { host.Services.GetRequiredService<LocalChatServer>().Bind(); }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("pocketit-agent: " + e.Message);
            return 1;
        }
        if (!Console.IsInputRedirected)
            new TerminalApprovals(host.Services.GetRequiredService<ApprovalBroker>(), Console.In, Console.Out).Start();
        foreach (var ignored in policy.Ignored)
            Console.Error.WriteLine($"pocketit-agent: {settings.PolicyPath}: '{ignored}' cannot be pre-approved (only {string.Join(", ", PocketIT.Protocol.DeviceActions.HarmlessRemediations)}); it will be asked for.");

        var exit = host.Services.GetRequiredService<AgentExit>(); // RunAsync disposes the host's services
        await host.RunAsync();
        return exit.Code;
    }
}

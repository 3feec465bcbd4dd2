using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Configuration;
using PocketIT.Agent.Connection;
using PocketIT.Agent.Enrollment;
using PocketIT.Agent.Identity;
using PocketIT.Agent.LocalChat;
using PocketIT.Agent.Platform;

namespace PocketIT.Agent.Hosting;

/// <summary>Composition of the running agent; the platform is passed in so tests can use a fake one.</summary>
public static class AgentHost
{
    public static IHost Build(AgentSettings settings, IDevicePlatform platform, ApprovalPolicy policy, Action<HostApplicationBuilder>? customise = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = settings.ConfigDir });
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(platform);
        services.AddSingleton(policy);
        services.AddSingleton<AgentExit>();
        services.AddSingleton(new CredentialStore(settings.CredentialsPath));
        services.AddSingleton(_ => new EnrollmentApi(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, settings.EnrollmentTimeout));
        services.AddSingleton<Enroller>();
        services.AddSingleton<ChatBoard>();
        services.AddSingleton<IChatDisplay>(s => s.GetRequiredService<ChatBoard>());
        services.AddSingleton(s => new ApprovalBroker(settings.ApprovalTimeout, s.GetRequiredService<ILogger<ApprovalBroker>>()));
        services.AddSingleton<IApprovalPrompt>(s => s.GetRequiredService<ApprovalBroker>());
        services.AddSingleton<DiagnosticsRunner>();
        services.AddSingleton<ServerRequests>();
        services.AddSingleton<ChatEvents>();
        services.AddSingleton(_ => HandshakeUser.ForThisProcess());
        services.AddSingleton<ServerConnection>();
        services.AddSingleton<IServerLink>(s => s.GetRequiredService<ServerConnection>());
        services.AddSingleton(s => new LocalChatServer(ChatSocketPath.For(settings.DataDir), settings.SharedSocketPath, s.GetRequiredService<ChatBoard>(),
            s.GetRequiredService<ApprovalBroker>(), s.GetRequiredService<IServerLink>(), s.GetRequiredService<ILogger<LocalChatServer>>()));
        services.AddHostedService(s => s.GetRequiredService<LocalChatServer>());
        services.AddHostedService<AgentService>();
        customise?.Invoke(builder);
        return builder.Build();
    }
}

using PocketIT.Server.Assistant;
using PocketIT.Server.PocketIt.Admin;
using PocketIT.Server.PocketIt.Clients;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.Server.PocketIt.Enrollment;
using PocketIT.Server.PocketIt.Installer;
using PocketIT.Server.PocketIt.Llm;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.PocketIt.Settings;
using PocketIT.Server.PocketIt.Tickets;

namespace PocketIT.Server.PocketIt;

/// <summary>The services the Pocket IT face's features need.</summary>
public static class PocketItServices
{
    public static IServiceCollection AddPocketItFeatures(this IServiceCollection services)
    {
        // Binding failures (non-numeric ids, bad JSON) throw, so ApiExceptionHandler answers them in our format.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddScoped<ClientAccess>();
        services.AddScoped<DeviceAccess>();
        services.AddScoped<HealthHistory>();
        services.AddScoped<TicketAccess>();
        services.AddScoped<EnrollmentTokenIssuer>();
        services.AddSingleton<PackageStore>();
        services.AddSingleton<LlmSettings>();
        services.AddServerSettings();
        services.AddScoped<SignInService>();
        services.AddScoped<BackupCodeIssuer>();
        services.AddScoped<TotpCheck>();
        services.AddSingleton<PasswordConfirmation>();
        services.AddPocketItRealtime();
        services.AddPocketItAssistant();
        return services;
    }
}

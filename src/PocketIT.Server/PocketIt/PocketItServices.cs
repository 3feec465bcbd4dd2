using PocketIT.Server.PocketIt.Clients;

namespace PocketIT.Server.PocketIt;

public static class PocketItServices
{
    public static IServiceCollection AddPocketItFeatures(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddScoped<ClientAccess>();
        services.AddScoped<Admin.SignInService>();
        services.AddScoped<Admin.BackupCodeIssuer>();
        services.AddSingleton<Admin.TotpCheck>();
        services.AddSingleton<Admin.PasswordConfirmation>();
        return services;
    }
}

namespace PocketIT.Server.PocketIt.Settings;

public static class SettingsServices
{
    public static IServiceCollection AddServerSettings(this IServiceCollection services)
    {
        services.AddSingleton<StoredSettings>();
        services.AddSingleton<LlmProbe>();
        services.AddScoped<SettingsBroadcast>();
        return services;
    }
}

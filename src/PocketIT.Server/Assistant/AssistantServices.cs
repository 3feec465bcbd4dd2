namespace PocketIT.Server.Assistant;

public static class AssistantServices
{
    public static IServiceCollection AddPocketItAssistant(this IServiceCollection services)
    {
        services.AddSingleton<AssistantClientFactory>();
        services.AddSingleton<IDeviceAssistant, DeviceAssistant>();
        return services;
    }
}

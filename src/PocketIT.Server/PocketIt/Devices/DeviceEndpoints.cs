namespace PocketIT.Server.PocketIt.Devices;

public static class DeviceEndpoints
{
    public static void MapDevices(this IEndpointRouteBuilder app)
    {
    }
}

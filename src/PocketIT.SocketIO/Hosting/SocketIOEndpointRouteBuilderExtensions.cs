using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PocketIT.SocketIO.Engine;

namespace PocketIT.SocketIO;

public static class SocketIOEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves Socket.IO at <paramref name="path"/> (clients use it as their <c>path</c> option).
    /// Several servers may be mapped in one application, e.g. one per port with <c>RequireHost</c>.
    /// </summary>
    public static SocketIOEndpointConventionBuilder MapSocketIO(this IEndpointRouteBuilder endpoints, string path, Action<SocketIOOptions>? configure = null)
    {
        var options = new SocketIOOptions();
        configure?.Invoke(options);
        var server = new SocketIOServer(options, endpoints.ServiceProvider);
        var mapped = MapEngineEndpoint(endpoints, path, server.HandleRequestAsync, server.Dispose);
        return new SocketIOEndpointConventionBuilder(server, mapped);
    }

    /// <summary>Serves bare Engine.IO (no Socket.IO packets) at <paramref name="path"/>, each session handled by
    /// what <paramref name="handlerFactory"/> returns.</summary>
    public static IEndpointConventionBuilder MapEngineIO(this IEndpointRouteBuilder endpoints, string path,
        Func<EngineIOSession, IEngineIOHandler> handlerFactory, Action<EngineIOOptions>? configure = null)
    {
        var options = new EngineIOOptions();
        configure?.Invoke(options);
        var server = new EngineIOServer(options, handlerFactory);
        var mapped = MapEngineEndpoint(endpoints, path, server.HandleRequestAsync, () => { server.CloseAll(); server.Dispose(); });
        return new CompositeConventionBuilder(mapped);
    }

    private static IReadOnlyList<IEndpointConventionBuilder> MapEngineEndpoint(IEndpointRouteBuilder endpoints, string path,
        RequestDelegate handler, Action shutdown)
    {
        path = "/" + path.Trim('/');
        // A small pipeline of its own, so the host need not remember app.UseWebSockets().
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(shutdown);
        var built = endpoints.CreateApplicationBuilder().UseWebSockets();
        built.Run(handler);
        var app = built.Build();
        // Routing matches "/path" and "/path/" alike, so one endpoint serves both.
        return [endpoints.Map(path, app)];
    }
}

/// <summary>Applies conventions to the endpoints of one mapped path (with and without its trailing slash).</summary>
internal sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> endpoints) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var endpoint in endpoints) endpoint.Add(convention);
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var endpoint in endpoints) endpoint.Finally(finallyConvention);
    }
}

using Microsoft.AspNetCore.Builder;

namespace PocketIT.SocketIO;

/// <summary>What <c>MapSocketIO</c> returns: conventions apply to its endpoints (e.g. <c>RequireHost</c>),
/// and <see cref="Server"/> is the server to emit through.</summary>
public sealed class SocketIOEndpointConventionBuilder(SocketIOServer server, IReadOnlyList<IEndpointConventionBuilder> endpoints)
    : IEndpointConventionBuilder
{
    public SocketIOServer Server { get; } = server;

    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var endpoint in endpoints) endpoint.Add(convention);
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var endpoint in endpoints) endpoint.Finally(finallyConvention);
    }
}

namespace PocketIT.Server.Core.Hosting;

/// <summary>Each face listens on its own port and its endpoints match on that port only.</summary>
public static class FaceRouting
{
    public static void ListenOnFacePorts(this WebApplicationBuilder builder, PocketItOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (_, face) in options.Faces.All())
                if (face.Enabled) kestrel.ListenAnyIP(face.Port);
        });
    }

    /// <summary>A route group bound to the face's port, or null when the face is disabled.</summary>
    public static RouteGroupBuilder? MapFace(this IEndpointRouteBuilder app, FaceOptions face) =>
        face.Enabled ? app.MapGroup("").RequireHost($"*:{face.Port}") : null;
}

using Microsoft.Extensions.Options;
using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt.Admin;
using PocketIT.Server.PocketIt.Chat;
using PocketIT.Server.PocketIt.Clients;
using PocketIT.Server.PocketIt.Dashboard;
using PocketIT.Server.PocketIt.Devices;
using PocketIT.Server.PocketIt.Enrollment;
using PocketIT.Server.PocketIt.Health;
using PocketIT.Server.PocketIt.Installer;
using PocketIT.Server.PocketIt.Llm;
using PocketIT.Server.PocketIt.Realtime;
using PocketIT.Server.PocketIt.Settings;
using PocketIT.Server.PocketIt.Tickets;
using Scalar.AspNetCore;

namespace PocketIT.Server.PocketIt;

/// <summary>The Pocket IT face (spec/pocket-it-api.md) on its own port.</summary>
public static class PocketItFace
{
    public static void MapPocketItFace(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PocketItOptions>>().Value;
        if (app.MapFace(options.Faces.PocketIt) is not { } face) return;
        app.UseDashboard(options.Faces.PocketIt);

        face.MapHealth();
        face.MapEnrollment();
        face.MapDevices();
        face.MapTickets();
        face.MapChat();
        face.MapLlm();
        face.MapServerSettings();
        face.MapAdminAuth();
        face.MapAdminUsers();
        face.MapSelfService();
        face.MapStats();
        face.MapClients();
        face.MapInstaller();
        face.MapPocketItRealtime();

        face.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        face.MapScalarApiReference("/docs", o => o.WithTitle("Pocket IT API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        face.MapGet("/", () => Results.Redirect("/dashboard/")).AllowAnonymous().ExcludeFromDescription();
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PocketIT.Installer.Tests.Infrastructure;
using PocketIT.Server.Core.Data;
using PocketIT.Server.Tests.Infrastructure;

namespace PocketIT.Installer.Tests.EndToEnd;

/// <summary>
/// The whole path a customer takes on Linux: an admin downloads the client's installer ZIP, the ZIP is unpacked
/// and the published agent started from it with no other configuration; then the end user chats through
/// <c>pocketit-agent chat</c>, approves what the assistant proposes, and the agent is stopped.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentFromInstallerZipTests(InstallerServerFixture fixture) : IClassFixture<InstallerServerFixture>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pocketit-e2e", Guid.NewGuid().ToString("N"));
    private InstallerServer Server => fixture.Server;

    [Fact]
    public async Task Agent_from_the_zip_enrolls_reports_the_machine_chats_remediates_only_after_approval_and_goes_offline_when_stopped()
    {
        var clientId = await Server.Api().CreateClientAsync();
        await UnpackInstallerAsync(clientId);

        using var agent = AgentProcess.Start(_folder);
        var listed = await EventuallyAsync(async () => (await DevicesOfAsync(clientId))
            .FirstOrDefault(d => d["status"]!.GetValue<string>() == "online"), "the device enrolled and online", agent);
        var deviceId = listed["device_id"]!.GetValue<string>();
        var device = await EventuallyAsync(async () =>
        {
            var detail = await (await Server.Api().Get($"/api/devices/{deviceId}")).ShouldSucceed();
            return detail["health_score"] is not null && detail["cpu_model"] is not null ? detail : null;
        }, "the device's profile and health score", agent);

        // The machine's own hardware, as /proc tells it.
        Assert.Equal(CpuModelOfThisMachine(), device["cpu_model"]!.GetValue<string>());
        Assert.InRange(device["total_ram_gb"]!.GetValue<double>(), RamGbOfThisMachine() - 0.2, RamGbOfThisMachine() + 0.2);
        Assert.True(device["total_disk_gb"]!.GetValue<double>() > 0);
        var diagnostics = (await (await Server.Api().Get($"/api/devices/{deviceId}/diagnostics")).ShouldSucceed()).AsArray();
        Assert.Contains(diagnostics, d => d!["check_type"]!.GetValue<string>() == "cpu");

        // The end user's chat, on the running agent's connection.
        using var chat = AgentProcess.Start(_folder, "chat");
        await chat.Output.WaitForAsync(l => l.StartsWith("system> Connected"), "the chat to attach");
        await chat.TypeAsync("My printer won't print anything");
        // Replies and questions may print in either order; each is waited for on its own.
        await chat.Output.WaitForAsync(l => l.StartsWith("assistant> ") && l.Contains("print", StringComparison.OrdinalIgnoreCase), "the assistant's reply");
        await chat.Output.WaitForAsync(l => l.StartsWith("approve? ") && l.Contains("services"), "the question before the assistant's diagnostic");
        await chat.TypeAsync("y");
        await chat.Output.WaitForAsync(l => l.StartsWith("assistant> ") && l.Contains("print spooler"), "the assistant proposing the fix");
        await chat.Output.WaitForAsync(l => l.StartsWith("approve? ") && l.Contains("restart_spooler"), "the question before the proposed fix");

        // Proposed but not approved yet: nothing has run.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await RemediationsReportedAsync(deviceId));
        await chat.TypeAsync("y");
        await chat.Output.WaitForAsync(l => l.StartsWith("system> restart_spooler"), "the fix's outcome");
        await EventuallyAsync(async () => await RemediationsReportedAsync(deviceId) == 1 ? "reported" : null, "the outcome on the server", agent);

        await agent.StopAsync();
        await EventuallyAsync(async () => (await DevicesOfAsync(clientId)).FirstOrDefault(d => d["status"]!.GetValue<string>() == "offline"),
            "the device offline", agent);
    }

    private async Task UnpackInstallerAsync(int clientId)
    {
        using var response = await Server.Api().Get($"/api/clients/{clientId}/installer?platform=linux-x64");
        Assert.True(response.IsSuccessStatusCode, $"installer download: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = await response.Content.ReadAsStreamAsync();
        ZipFile.ExtractToDirectory(zip, _folder);
        Assert.True(File.GetUnixFileMode(Path.Combine(_folder, "pocketit-agent")).HasFlag(UnixFileMode.UserExecute));
    }

    private async Task<List<JsonNode>> DevicesOfAsync(int clientId) =>
        (await (await Server.Api().Get("/api/devices")).ShouldSucceed()).AsArray()
            .Where(d => d!["client_id"]!.GetValue<int>() == clientId).Select(d => d!).ToList();

    private async Task<int> RemediationsReportedAsync(string deviceId)
    {
        using var scope = Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog
            .CountAsync(a => a.Actor == deviceId && a.Action == "remediation_executed");
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, AgentProcess agent) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Agent output:\n{agent.Output.Transcript}");
    }

    private static string CpuModelOfThisMachine() =>
        File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name")).Split(':', 2)[1].Trim();

    private static double RamGbOfThisMachine()
    {
        var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return double.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

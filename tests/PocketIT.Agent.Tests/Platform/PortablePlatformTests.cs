using System.Text.Json;
using PocketIT.Agent.Platform;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Tests.Platform;

/// <summary>The .NET-only fallback platform, run here as any unsupported OS would run it.</summary>
public class PortablePlatformTests
{
    private readonly PortablePlatform platform = new();

    [Fact]
    public async Task Profile_has_the_base_keys()
    {
        var profile = await platform.CollectProfileAsync(CancellationToken.None);
        Assert.Equal(Environment.ProcessorCount, profile["processorCount"]!.GetValue<int>());
        Assert.True(profile["totalRamGB"]!.GetValue<double>() > 0);
        Assert.Equal("Not Present", profile["tpmVersion"]!.GetValue<string>());
        Assert.NotNull(profile["networkAdapters"]);
    }

    [Fact]
    public async Task Portable_checks_give_verdicts()
    {
        Assert.Equal(["cpu", "disk", "memory", "network", "top_processes"], platform.Checks.Keys.Order());
        foreach (var type in new[] { "cpu", "memory", "top_processes" })
        {
            var outcome = await platform.Checks[type].RunAsync(CancellationToken.None);
            Assert.Contains(outcome.Status, new[] { "ok", "warning", "error" });
        }
        var memory = await platform.Checks["memory"].RunAsync(CancellationToken.None);
        Assert.InRange(memory.Results["usagePercent"]!.GetValue<double>(), 0, 100);
    }

    [Fact]
    public async Task Os_specific_actions_and_tools_are_refused_honestly()
    {
        var outcome = await platform.RemediateAsync("flush_dns", null, CancellationToken.None);
        Assert.False(outcome.Success);
        Assert.Contains("not available", outcome.Message);
        var tool = await platform.RunSystemToolAsync("service_list", JsonDocument.Parse("{}").RootElement, CancellationToken.None);
        Assert.False(tool.Success);
        Assert.Null(await platform.CaptureScreenshotAsync(CancellationToken.None));
        Assert.Null(platform.MachineId());
    }
}

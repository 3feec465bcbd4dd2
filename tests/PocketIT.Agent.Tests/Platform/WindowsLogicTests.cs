using System.Text.Json;
using PocketIT.Agent.Platform;
using PocketIT.Agent.Platform.Windows;

namespace PocketIT.Agent.Tests.Platform;

/// <summary>The OS-independent parts of the Windows platform (its WMI/PowerShell calls cannot run here).</summary>
public class WindowsLogicTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, bool> FirewallOn = new() { ["Domain"] = true, ["Private"] = true, ["Public"] = true };

    [Fact]
    public void Security_all_on_and_fresh_is_ok()
    {
        var outcome = SecurityAssessment.Judge(new SecurityFacts(true, true, Now.AddDays(-7), FirewallOn, true), Now);
        Assert.Equal("ok", outcome.Status);
        Assert.Empty(outcome.Results["issues"]!.AsArray());
        Assert.Empty(outcome.Results["warnings"]!.AsArray());
    }

    [Fact]
    public void Security_bitlocker_or_defender_off_is_an_error()
    {
        Assert.Equal("error", SecurityAssessment.Judge(new SecurityFacts(true, true, Now, FirewallOn, false), Now).Status);
        Assert.Equal("error", SecurityAssessment.Judge(new SecurityFacts(false, true, Now, FirewallOn, true), Now).Status);
        Assert.Equal("error", SecurityAssessment.Judge(new SecurityFacts(true, false, Now, FirewallOn, true), Now).Status);
    }

    [Fact]
    public void Security_old_signatures_or_a_firewall_profile_off_is_a_warning()
    {
        var stale = SecurityAssessment.Judge(new SecurityFacts(true, true, Now.AddDays(-7.5), FirewallOn, true), Now);
        Assert.Equal("warning", stale.Status);
        var publicOff = new Dictionary<string, bool>(FirewallOn) { ["Public"] = false };
        var firewall = SecurityAssessment.Judge(new SecurityFacts(true, true, Now, publicOff, true), Now);
        Assert.Equal("warning", firewall.Status);
        Assert.Contains("Public", firewall.Results["warnings"]!.AsArray()[0]!.GetValue<string>());
    }

    [Fact]
    public void Security_unreadable_facts_are_listed_not_judged()
    {
        var outcome = SecurityAssessment.Judge(new SecurityFacts(null, null, null, new Dictionary<string, bool>(), null), Now);
        Assert.Equal("ok", outcome.Status);
        Assert.Equal(3, outcome.Results["notChecked"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("| Device State |\n AzureAdJoined : YES\n EnterpriseJoined : NO\n DomainJoined : YES\n", "Hybrid")]
    [InlineData(" AzureAdJoined : YES\n DomainJoined : NO\n", "Azure AD")]
    [InlineData(" AzureAdJoined : NO\n DomainJoined : YES\n DomainName : CONTOSO\n", "On-Premises AD")]
    [InlineData(" AzureAdJoined : NO\n DomainJoined : NO\n", "Workgroup")]
    public void Domain_join_type_from_dsregcmd(string output, string expected) => Assert.Equal(expected, DomainJoin.FromDsregcmd(output, null));

    [Fact]
    public void Domain_join_type_falls_back_to_PartOfDomain()
    {
        Assert.Equal("On-Premises AD", DomainJoin.FromDsregcmd(null, true));
        Assert.Equal("Workgroup", DomainJoin.FromDsregcmd("garbage", false));
        Assert.Equal("Unknown", DomainJoin.FromDsregcmd(null, null));
    }

    [Fact]
    public void PowerShell_json_single_objects_become_lists()
    {
        Assert.Single(WindowsJson.List("{\"a\":1}"));
        Assert.Equal(2, WindowsJson.List("[{\"a\":1},{\"a\":2}]").Count);
        Assert.Empty(WindowsJson.List(""));
        Assert.Empty(WindowsJson.List("not json"));
    }

    [Fact]
    public void Windows_event_levels_map_to_critical_and_error()
    {
        var entries = WindowsJson.List("[{\"time\":\"2024-06-01T10:00:00.0000000Z\",\"level\":1,\"source\":\"Kernel-Power\",\"message\":\"x\"},{\"level\":2,\"source\":\"Disk\"},{\"level\":4}]")
            .Select(WindowsJson.EventEntry).ToList();
        Assert.Equal(["Critical", "Error", "Information"], entries.Select(e => e.Level));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), entries[0].Time);
        Assert.Equal("unknown", entries[2].Source);
        Assert.Equal("error", EventLogReport.Build(entries, "test").Status);
    }

    [Theory]
    [InlineData("6/15/2024", 2024, 6, 15)]
    [InlineData("12/01/2023", 2023, 12, 1)]
    [InlineData("20240102", 2024, 1, 2)]
    public void Hotfix_install_dates_parse(string text, int y, int m, int d) => Assert.Equal(new DateTime(y, m, d), WindowsJson.HotfixDate(text));

    [Fact]
    public void Hotfix_dates_that_are_missing_stay_unknown()
    {
        Assert.Null(WindowsJson.HotfixDate(null));
        Assert.Null(WindowsJson.HotfixDate(""));
    }

    [Fact]
    public void Json_helpers_read_booleans_and_strings()
    {
        var item = JsonDocument.Parse("{\"b\":true,\"s\":\"x\",\"n\":null}").RootElement;
        Assert.True(WindowsJson.Bool(item, "b"));
        Assert.Null(WindowsJson.Bool(item, "s"));
        Assert.Equal("x", WindowsJson.String(item, "s"));
        Assert.Null(WindowsJson.String(item, "n"));
    }
}

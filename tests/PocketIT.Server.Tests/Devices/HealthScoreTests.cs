using PocketIT.Server.PocketIt.Devices;

namespace PocketIT.Server.Tests.Devices;

public sealed class HealthScoreTests
{
    [Fact]
    public void Ok_warning_and_error_average_to_fifty() => Assert.Equal(50, HealthScore.Compute(["ok", "warning", "error"]));

    [Fact]
    public void Ok_and_warning_average_to_seventy_five() => Assert.Equal(75, HealthScore.Compute(["ok", "warning"]));

    [Fact]
    public void No_results_is_no_score() => Assert.Null(HealthScore.Compute([]));

    [Fact]
    public void Unknown_status_counts_as_fifty_and_halves_round_away_from_zero() =>
        Assert.Equal(67, HealthScore.Compute(["ok", "completed", "warning"])); // 66.67

    [Fact]
    public void Half_rounds_up() => Assert.Equal(63, HealthScore.Compute(["ok", "warning", "warning", "warning"])); // 62.5
}

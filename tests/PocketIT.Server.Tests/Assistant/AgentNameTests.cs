using PocketIT.Server.Assistant;

namespace PocketIT.Server.Tests.Assistant;

public sealed class AgentNameTests
{
    [Theory]
    [InlineData("device-abc123", 1370321383, "Casey")]
    [InlineData("test-device-001", -805819819, "Dana")]
    [InlineData("3cf5f4b4-cf1c-4abf-829f-72cb9688f0e9", 273288521, "Mabel")]
    [InlineData("", 0, "Rick")]
    [InlineData("a", 97, "Riley")]
    [InlineData("DESKTOP-USER01", -1482736131, "Jamie")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000", 1716781005, "Alex")]
    public void Agent_name_matches_the_original_hash_vectors(string deviceId, int hash, string name)
    {
        Assert.Equal(hash, AgentNames.Hash(deviceId));
        Assert.Equal(name, AgentNames.For(deviceId));
    }

    [Fact]
    public void Pool_has_the_twenty_original_names_in_order()
    {
        Assert.Equal(20, AgentNames.Pool.Length);
        Assert.Equal("Rick", AgentNames.Pool[0]);
        Assert.Equal("Dana", AgentNames.Pool[19]);
    }
}

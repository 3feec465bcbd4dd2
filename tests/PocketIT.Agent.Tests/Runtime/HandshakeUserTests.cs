using System.Text.Json.Nodes;
using PocketIT.Agent.Connection;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>The handshake's <c>username</c>: the person at the machine, not the service account.</summary>
public sealed class HandshakeUserTests
{
    private static JsonObject Profile(params string[] users) => new() { ["loggedInUsers"] = new JsonArray(users.Select(u => (JsonNode)u).ToArray()) };

    [Fact]
    public void A_service_agent_names_the_first_signed_in_user()
    {
        var user = new HandshakeUser(runsAsService: true, processUser: "root");
        Assert.True(user.NeedsProfile);
        Assert.Equal("root", user.Name);

        user.Remember(Profile("alice", "bob"));
        Assert.False(user.NeedsProfile);
        Assert.Equal("alice", user.Name);
    }

    [Fact]
    public void A_service_agent_with_nobody_signed_in_names_its_own_account()
    {
        var user = new HandshakeUser(runsAsService: true, processUser: "root");
        user.Remember(Profile("alice"));
        user.Remember(Profile());
        Assert.Equal("root", user.Name);
        user.Remember(new JsonObject { ["hostname"] = "pc" });
        Assert.Equal("root", user.Name);
        Assert.False(user.NeedsProfile);
    }

    [Fact]
    public void An_agent_run_by_the_user_names_its_own_account()
    {
        var user = new HandshakeUser(runsAsService: false, processUser: "carol");
        Assert.False(user.NeedsProfile);
        user.Remember(Profile("alice"));
        Assert.Equal("carol", user.Name);
    }

    [Fact]
    public void Blank_entries_are_skipped()
    {
        Assert.Equal("dave", HandshakeUser.FirstLoggedInUser(Profile("", "  ", "dave")));
        Assert.Null(HandshakeUser.FirstLoggedInUser(null));
    }
}

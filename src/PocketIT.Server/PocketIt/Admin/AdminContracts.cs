using PocketIT.Server.Core.Identity;

namespace PocketIT.Server.PocketIt.Admin;

public sealed record LoginRequest(string? Username, string? Password);

public sealed record UserSummary(int Id, string Username, string? DisplayName, string Role)
{
    public static UserSummary From(StaffUser u) => new(u.Id, u.Username, u.DisplayName, u.Role);
}

public sealed record ClientRef(int Id, string Name, string Slug);

/// <summary>The documented result of a completed sign-in.</summary>
public sealed record LoginResult(string Token, UserSummary User, IReadOnlyList<ClientRef> Clients);

public sealed record CreateUserRequest(string? Username, string? Password, string? DisplayName, string? Role);

public sealed record CreatedUser(int Id, string Username, string Role);

namespace PocketIT.Server.PocketIt.Admin;

public sealed record CreateUserRequest(string? Username, string? Password, string? DisplayName, string? Role);

public sealed record CreatedUser(int Id, string Username, string Role);

/// <summary>A staff account as listed to admins and shown to its owner.</summary>
public sealed record UserRow(int Id, string Username, string? DisplayName, string Role, DateTime CreatedAt, DateTime? LastLogin, int BackupCodeCount);

public sealed record UpdateUserRequest(string? DisplayName, string? Role, string? Password);

public sealed record BackupCodesResult(bool Success, IReadOnlyList<string> BackupCodes);

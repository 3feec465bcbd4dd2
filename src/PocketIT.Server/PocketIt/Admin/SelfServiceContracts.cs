using System.Text.Json.Serialization;

namespace PocketIT.Server.PocketIt.Admin;

public sealed record UpdateProfileRequest(string? DisplayName);

public sealed record ChangePasswordRequest(
    [property: JsonPropertyName("currentPassword")] string? CurrentPassword,
    [property: JsonPropertyName("newPassword")] string? NewPassword);

/// <summary>Sensitive self-service actions ask for the password again.</summary>
public sealed record PasswordConfirmationRequest(string? Password);

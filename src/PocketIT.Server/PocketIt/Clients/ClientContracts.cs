using PocketIT.Server.Core.Tenancy;

namespace PocketIT.Server.PocketIt.Clients;

public sealed record ClientRow(int Id, string Name, string Slug, string? ContactName, string? ContactEmail,
    string? Notes, DateTime CreatedAt, DateTime? UpdatedAt)
{
    public static ClientRow From(Client c) => new(c.Id, c.Name, c.Slug, c.ContactName, c.ContactEmail, c.Notes, c.CreatedAt, c.UpdatedAt);
}

public sealed record ClientSummary(int Id, string Name, string Slug);

public sealed record ClientWriteRequest(string? Name, string? ContactName, string? ContactEmail, string? Notes);

public sealed record AssignUserRequest(int? UserId);

public sealed record AssignedUserRow(int Id, string Username, string? DisplayName, string Role, DateTime AssignedAt);

public sealed record NoteRequest(string? Content);

public sealed record NoteRow(int Id, int ClientId, string Content, string CreatedBy, DateTime CreatedAt);

public sealed record IdBody(int Id);

public sealed record CustomFieldsRequest(Dictionary<string, string>? Fields);

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PocketIT.Server.Core.Data;

/// <summary>Everything is stored as UTC; SQLite hands back unspecified kinds, so mark them UTC again on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocketIT.Server.Core.Http;

/// <summary>
/// Wire conventions of the Pocket IT document: snake_case fields (camelCase ones are named explicitly),
/// times as <c>2024-01-15T10:30:00.000Z</c>, NUL characters stripped from incoming strings.
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new UtcDateTimeJsonConverter());
        options.Converters.Add(new NulStrippingStringConverter());
    }

    public static string FormatTime(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonConventions.FormatTime(value));
}

/// <summary>PostgreSQL refuses NUL in text, and no legitimate input needs one.</summary>
public sealed class NulStrippingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a string but got {Describe(reader.TokenType)}.");
        var value = reader.GetString()!;
        return value.Contains('\0') ? value.Replace("\0", "") : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString().ToLowerInvariant(),
    };
}

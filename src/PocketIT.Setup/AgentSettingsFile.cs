using System.Text.Json;

namespace PocketIT.Setup;

/// <summary>The agent's <c>appsettings.json</c>: where its server is and the token it enrolls with on first start.</summary>
internal static class AgentSettingsFile
{
    public const string FileName = "appsettings.json";

    public static void Write(string directory, string serverUrl, string token)
    {
        using var stream = File.Create(Path.Combine(directory, FileName));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("Server");
        json.WriteString("Url", serverUrl);
        json.WriteEndObject();
        json.WriteStartObject("Enrollment");
        json.WriteString("Token", token);
        json.WriteEndObject();
        json.WriteStartObject("Monitoring");
        json.WriteNumber("IntervalMinutes", 15);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

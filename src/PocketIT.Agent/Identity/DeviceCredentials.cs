using System.Text.Json;
using System.Text.Json.Serialization;

namespace PocketIT.Agent.Identity;

/// <summary>What enrollment gave this device. <see cref="ToString"/> hides the secret so it never reaches a log.</summary>
public sealed record DeviceCredentials(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("deviceSecret")] string DeviceSecret,
    [property: JsonPropertyName("serverUrl")] string ServerUrl)
{
    public override string ToString() => $"DeviceCredentials {{ DeviceId = {DeviceId}, ServerUrl = {ServerUrl} }}";
}

/// <summary>The credentials file in the data folder, readable only by the agent's user.</summary>
public sealed class CredentialStore(string path)
{
    public string Path => path;

    /// <summary>The saved credentials, or null when there are none or the file is unreadable.</summary>
    public DeviceCredentials? Load()
    {
        if (!File.Exists(path)) return null;
        try
        {
            var credentials = JsonSerializer.Deserialize(File.ReadAllText(path), AgentJson.Default.DeviceCredentials);
            return credentials is { DeviceId.Length: > 0, DeviceSecret.Length: > 0 } ? credentials : null;
        }
        catch (JsonException) { return null; }
    }

    public void Save(DeviceCredentials credentials)
    {
        OwnerOnlyFiles.EnsureDirectory(System.IO.Path.GetDirectoryName(path)!);
        OwnerOnlyFiles.WriteAtomically(path, JsonSerializer.Serialize(credentials, AgentJson.Default.DeviceCredentials));
    }
}

[JsonSerializable(typeof(DeviceCredentials))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class AgentJson : JsonSerializerContext;

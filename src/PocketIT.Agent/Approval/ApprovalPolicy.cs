using System.Text.Json;
using System.Text.Json.Serialization;
using PocketIT.Protocol;

namespace PocketIT.Agent.Approval;

/// <summary>
/// What the device's owner lets run without asking, from <c>approval-policy.json</c> beside appsettings.json:
/// <code>{ "remediations": ["flush_dns", "clear_temp"], "aiDiagnostics": true }</code>
/// Only <see cref="DeviceActions.HarmlessRemediations"/> can be pre-approved; other names are ignored (and
/// reported), and screenshots are never pre-approved. No file means: ask for everything.
/// </summary>
public sealed record ApprovalPolicy(IReadOnlySet<string> Remediations, bool AiDiagnostics, IReadOnlyList<string> Ignored)
{
    public static readonly ApprovalPolicy AskEverything = new(new HashSet<string>(), false, []);

    public bool PreApprovesRemediation(string actionId) => Remediations.Contains(actionId);

    public static ApprovalPolicy Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, PolicyJson.Default.PolicyFile) ?? new PolicyFile(null, null);
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var name in file.Remediations ?? [])
        {
            var id = name?.Trim().ToLowerInvariant() ?? "";
            if (DeviceActions.HarmlessRemediations.Contains(id)) allowed.Add(id);
            else ignored.Add(name ?? "(null)");
        }
        return new ApprovalPolicy(allowed, file.AiDiagnostics ?? false, ignored);
    }

    /// <summary>The policy at <paramref name="path"/>; a missing file asks for everything, a broken one is an error.</summary>
    public static ApprovalPolicy Load(string path)
    {
        if (!File.Exists(path)) return AskEverything;
        try { return Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new Configuration.ConfigurationException($"{path} is not a valid approval policy: {e.Message}"); }
    }
}

internal sealed record PolicyFile(
    [property: JsonPropertyName("remediations")] string?[]? Remediations,
    [property: JsonPropertyName("aiDiagnostics")] bool? AiDiagnostics);

[JsonSerializable(typeof(PolicyFile))]
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
internal sealed partial class PolicyJson : JsonSerializerContext;

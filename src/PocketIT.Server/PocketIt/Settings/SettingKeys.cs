namespace PocketIT.Server.PocketIt.Settings;

/// <summary>The <c>server_settings</c> keys this server reads. Other features (the installer) read them by these names.</summary>
public static class SettingKeys
{
    public const string LlmProvider = "llm.provider";
    public const string LlmModel = "llm.model";
    public const string LlmUrl = "llm.url";
    /// <summary>Stored encrypted with <see cref="Core.Identity.SecretProtector"/>; never returned.</summary>
    public const string LlmApiKey = "llm.apiKey";
    public const string AiEnabled = "ai.enabled";
    public const string PublicUrl = "server.publicUrl";
}

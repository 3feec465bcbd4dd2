using System.IO.Compression;

namespace PocketIT.Setup;

/// <summary>
/// Puts the agent package in place. It is extracted beside the install folder first and swapped in only when
/// complete, so a failed or interrupted install never leaves half an agent; the old install's <c>data/</c>
/// folder (the device's credentials) moves into the new one so the device stays enrolled.
/// </summary>
internal static class AgentFiles
{
    public const string DataFolder = "data";

    /// <summary>Extracts <paramref name="packageZip"/> to a staging folder beside <paramref name="installDir"/>; returns it.</summary>
    public static string Stage(string packageZip, string installDir)
    {
        var parent = Path.GetDirectoryName(installDir) ?? throw new SetupException($"Cannot install into {installDir}");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(installDir)}.new-{Guid.NewGuid():N}");
        try
        {
            ZipFile.ExtractToDirectory(packageZip, staging);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            TryDelete(staging);
            throw new SetupException($"The downloaded package is damaged: {e.Message}");
        }

        var agent = Path.Combine(staging, RuntimeId.AgentExecutableName);
        if (!File.Exists(agent))
        {
            TryDelete(staging);
            throw new SetupException($"The downloaded package has no {RuntimeId.AgentExecutableName}.");
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(agent, (UnixFileMode)0b111_101_101); // 0755, whatever the archive said
        return staging;
    }

    /// <summary>Replaces <paramref name="installDir"/> with <paramref name="staging"/>, keeping the old data folder.</summary>
    public static void Swap(string staging, string installDir)
    {
        var oldData = Path.Combine(installDir, DataFolder);
        var newData = Path.Combine(staging, DataFolder);
        if (Directory.Exists(oldData))
        {
            TryDelete(newData);
            Directory.Move(oldData, newData);
        }

        var retired = Directory.Exists(installDir) ? installDir + $".old-{Guid.NewGuid():N}" : null;
        try
        {
            if (retired is not null) Directory.Move(installDir, retired);
            Directory.Move(staging, installDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Put things back as they were: the old install, with its data folder.
            if (retired is not null && !Directory.Exists(installDir) && Directory.Exists(retired)) Directory.Move(retired, installDir);
            if (Directory.Exists(newData) && !Directory.Exists(oldData) && Directory.Exists(installDir)) Directory.Move(newData, oldData);
            TryDelete(staging);
            throw new SetupException($"Cannot replace {installDir} (is the agent still running?): {e.Message}");
        }
        if (retired is not null) TryDelete(retired);
    }

    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

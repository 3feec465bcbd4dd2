namespace PocketIT.Server.Core.Hosting;

/// <summary>The folder that holds the SQLite file and the secrets generated at first start.</summary>
public static class DataDirectory
{
    public static string Ensure(PocketItOptions options)
    {
        var dir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Reads a secret file, creating it with fresh random bytes on first use (owner-only on Unix).</summary>
    public static byte[] ReadOrCreateSecret(PocketItOptions options, string fileName, int length)
    {
        var path = Path.Combine(Ensure(options), fileName);
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());

        var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(secret));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temp, path); }
        catch (IOException) { File.Delete(temp); } // another process won the race: use its secret
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}

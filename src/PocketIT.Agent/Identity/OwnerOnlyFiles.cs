using System.Security.AccessControl;
using System.Security.Principal;
using System.Text;

namespace PocketIT.Agent.Identity;

/// <summary>
/// Files and folders only the agent's user can read. On Unix they are created with mode 0600 / 0700 from the
/// start (no window where another user could open them); on Windows with an ACL naming only the current user,
/// SYSTEM and Administrators, inheritance off.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder owner-only, or tightens an existing one.</summary>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var info = new DirectoryInfo(path);
            if (!info.Exists) info.Create(DirectoryAcl());
            else info.SetAccessControl(DirectoryAcl());
            return;
        }
        if (!Directory.Exists(path)) Directory.CreateDirectory(path, DirectoryMode);
        else File.SetUnixFileMode(path, DirectoryMode);
    }

    /// <summary>Writes <paramref name="text"/> to a temporary owner-only file, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            using (var stream = CreateNew(temp))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static FileStream CreateNew(string path)
    {
        if (OperatingSystem.IsWindows())
            return new FileInfo(path).Create(System.IO.FileMode.CreateNew, FileSystemRights.FullControl, FileShare.None, 4096, FileOptions.None, FileAcl());
        return new FileStream(path, new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = FileMode,
        });
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static DirectorySecurity DirectoryAcl()
    {
        var acl = new DirectorySecurity();
        acl.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var who in Owners())
            acl.AddAccessRule(new FileSystemAccessRule(who, FileSystemRights.FullControl,
                InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
        return acl;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static FileSecurity FileAcl()
    {
        var acl = new FileSecurity();
        acl.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var who in Owners()) acl.AddAccessRule(new FileSystemAccessRule(who, FileSystemRights.FullControl, AccessControlType.Allow));
        return acl;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static IEnumerable<IdentityReference> Owners()
    {
        yield return WindowsIdentity.GetCurrent().User!;
        yield return new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null);
        yield return new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null);
    }
}

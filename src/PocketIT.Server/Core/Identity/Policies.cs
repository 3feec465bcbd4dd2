namespace PocketIT.Server.Core.Identity;

/// <summary>Who may call an endpoint. Every endpoint names one of these or allows anonymous callers.</summary>
public static class Policies
{
    /// <summary><c>requireIT</c>: any staff role; viewers included (reads and their own account).</summary>
    public const string Staff = "staff";
    /// <summary>Staff who may change things: every role but viewer.</summary>
    public const string StaffWrite = "staff-write";
    /// <summary><c>requireAdmin</c>: admin and superadmin.</summary>
    public const string Admin = "admin";
    /// <summary>Writing staff, or a device acting for itself (x-device-id + x-device-secret).</summary>
    public const string StaffWriteOrDevice = "staff-write-or-device";
}

namespace PocketIT.Agent.Platform;

/// <summary>
/// SMBIOS chassis type codes (Linux <c>/sys/class/dmi/id/chassis_type</c>, Windows Win32_SystemEnclosure.ChassisTypes)
/// folded into the notes §10 form factors.
/// </summary>
public static class FormFactors
{
    public static string FromChassisType(int code) => code switch
    {
        3 or 4 or 5 or 6 or 7 or 15 or 16 or 24 or 35 or 36 => "Desktop",
        8 or 9 or 10 or 14 => "Laptop",
        13 => "All-in-One",
        11 => "Handheld",
        30 or 31 or 32 => "Tablet",
        17 or 23 or 25 or 28 or 29 => "Server",
        12 or 21 or 22 => "Docking Station",
        _ => "Unknown",
    };
}

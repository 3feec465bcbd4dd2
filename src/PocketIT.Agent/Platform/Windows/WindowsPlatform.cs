using System.Runtime.Versioning;
using PocketIT.Agent.Platform.Portable;

namespace PocketIT.Agent.Platform.Windows;

[SupportedOSPlatform("windows")]
public sealed class WindowsPlatform : PortablePlatform
{
    protected override string OsName => "Windows";
}

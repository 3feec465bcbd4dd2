using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PocketIT.Agent.LocalChat.Peers;

/// <summary>
/// The uid of the process at the other end of a connected Unix domain socket, as the kernel vouches for it:
/// Linux SO_PEERCRED, macOS getpeereid. Null when the platform cannot tell (the caller then refuses).
/// </summary>
public static partial class PeerCredentials
{
    private const int SolSocket = 1, SoPeerCred = 17; // Linux values
    private const int UcredSize = 12;                  // struct ucred { int pid; uint uid; uint gid; }

    public static uint? UidOf(Socket socket)
    {
        if (OperatingSystem.IsLinux()) return LinuxUid(socket);
        if (OperatingSystem.IsMacOS()) return MacUid(socket);
        return null;
    }

    private static uint? LinuxUid(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[UcredSize];
        try
        {
            var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
            return length >= UcredSize ? MemoryMarshal.Read<uint>(ucred[4..8]) : null; // native byte order, like the kernel wrote it
        }
        catch (SocketException) { return null; }
    }

    private static uint? MacUid(Socket socket)
    {
        try { return getpeereid((int)socket.Handle, out var uid, out _) == 0 ? uid : null; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    [LibraryImport(UnixAccount.MacLibSystem, SetLastError = true)]
    private static partial int getpeereid(int socket, out uint euid, out uint egid);
}

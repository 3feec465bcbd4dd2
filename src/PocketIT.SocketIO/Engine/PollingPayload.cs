using System.Buffers;
using System.Buffers.Text;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// The HTTP long-polling body format of Engine.IO v4: packets joined by the record separator
/// 0x1E, binary packets written as 'b' followed by base64.
/// </summary>
internal static class PollingPayload
{
    public const byte Separator = 0x1E;

    public static byte[] Encode(IReadOnlyList<EngineFrame> frames)
    {
        var length = 0;
        foreach (var f in frames)
            length += (f.IsBinary ? 1 + Base64.GetMaxEncodedToUtf8Length(f.Data.Length) : f.Data.Length) + 1;
        var result = new byte[Math.Max(0, length - 1)];
        var pos = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            if (i > 0) result[pos++] = Separator;
            var f = frames[i];
            if (f.IsBinary)
            {
                result[pos++] = (byte)'b';
                Base64.EncodeToUtf8(f.Data, result.AsSpan(pos), out _, out var written);
                pos += written;
            }
            else
            {
                f.Data.CopyTo(result, pos);
                pos += f.Data.Length;
            }
        }
        return result;
    }

    /// <summary>Splits a POST body and hands each packet to <paramref name="onText"/> or <paramref name="onBinary"/>.
    /// Returns false on a malformed packet (bad base64 or an empty packet).</summary>
    public static bool Decode(ReadOnlySpan<byte> body, Func<ReadOnlySpan<byte>, bool> onText, Func<ReadOnlySpan<byte>, bool> onBinary)
    {
        while (true)
        {
            var end = body.IndexOf(Separator);
            var packet = end < 0 ? body : body[..end];
            if (packet.IsEmpty) return false;
            if (packet[0] == (byte)'b')
            {
                var b64 = packet[1..];
                var rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(b64.Length));
                try
                {
                    if (Base64.DecodeFromUtf8(b64, rented, out _, out var written) != OperationStatus.Done) return false;
                    if (!onBinary(rented.AsSpan(0, written))) return false;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
            else if (!onText(packet))
            {
                return false;
            }
            if (end < 0) return true;
            body = body[(end + 1)..];
        }
    }
}

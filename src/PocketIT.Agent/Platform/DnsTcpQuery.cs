using System.Buffers.Binary;
using System.Text;

namespace PocketIT.Agent.Platform;

/// <summary>
/// A minimal DNS query over TCP (RFC 1035 §4.2.2: a two-byte length, then the message). A bare TCP connect is
/// not proof of reaching the internet (proxies and middleboxes accept any connection), but a DNS server's
/// answer carrying our query id is.
/// </summary>
public static class DnsTcpQuery
{
    /// <summary>A framed query for the A record of <paramref name="name"/> with recursion desired.</summary>
    public static byte[] Build(ushort id, string name)
    {
        var message = new List<byte>();
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(0), id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 0x0100); // standard query, recursion desired
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 1);      // one question
        message.AddRange(header);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            message.Add((byte)bytes.Length);
            message.AddRange(bytes);
        }
        message.AddRange(new byte[] { 0, 0, 1, 0, 1 }); // root, type A, class IN
        var framed = new byte[message.Count + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Count);
        message.CopyTo(framed, 2);
        return framed;
    }

    /// <summary>Whether a response message (without its length prefix) answers query <paramref name="id"/>.</summary>
    public static bool IsAnswerTo(ReadOnlySpan<byte> response, ushort id) =>
        response.Length >= 12
        && BinaryPrimitives.ReadUInt16BigEndian(response) == id
        && (response[2] & 0x80) != 0;
}

using System.Text.Json;
using PocketIT.SocketIO.Protocol;

namespace PocketIT.SocketIO;

/// <summary>The arguments of a received event or acknowledgement, with any binary attachments.</summary>
public class SocketIOArguments
{
    private readonly JsonElement _array;
    private readonly int _offset;
    private readonly JsonSerializerOptions _json;

    internal SocketIOArguments(JsonElement array, int offset, IReadOnlyList<byte[]>? attachments, JsonSerializerOptions json)
    {
        _array = array;
        _offset = offset;
        _json = json;
        Attachments = attachments ?? [];
        Count = array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() - offset : 0;
    }

    public int Count { get; }

    /// <summary>Binary attachments in placeholder order.</summary>
    public IReadOnlyList<byte[]> Attachments { get; }

    /// <summary>The raw JSON of argument <paramref name="index"/> (binary shows as a placeholder object).</summary>
    public JsonElement this[int index] => (uint)index < (uint)Count
        ? _array[index + _offset]
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Argument <paramref name="index"/> as <typeparamref name="T"/>; byte[] members receive the attachments.</summary>
    public T? Get<T>(int index = 0)
    {
        if ((uint)index >= (uint)Count) return default;
        using var _ = BinaryPlaceholderConverter.ResolveIncoming(Attachments);
        return this[index].Deserialize<T>(_json);
    }

    /// <summary>All arguments, ready to be emitted again (binary stays binary).</summary>
    public object?[] ToArray()
    {
        var result = new object?[Count];
        for (var i = 0; i < Count; i++)
        {
            var element = this[i];
            result[i] = Attachments.Count > 0 ? new BoundArgument(element, Attachments) : element;
        }
        return result;
    }
}

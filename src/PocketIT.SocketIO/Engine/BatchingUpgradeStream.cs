using System.Buffers;

namespace PocketIT.SocketIO.Engine;

/// <summary>
/// The stream under our server WebSocket. While <see cref="DeferFlush"/> is set, written frames are
/// gathered in a pooled buffer and leave in one write at the next flush, so a burst of queued
/// messages (a broadcast, pipelined acks) costs a few TCP writes instead of one each. The buffer is
/// returned after every flush: an idle socket holds none.
/// </summary>
internal sealed class BatchingUpgradeStream(Stream upgraded, Microsoft.AspNetCore.Http.HttpContext context) : Stream
{
    private const int MaxBatch = 64 * 1024;

    // The WebSocket writes control frames (pong, close) on its own; this keeps them in order with ours.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private byte[]? _batch;
    private int _batched;

    public volatile bool DeferFlush;

    /// <summary>True when bytes wait in the batch for a flush.</summary>
    public bool HasUnflushedWrites => Volatile.Read(ref _batched) > 0;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        upgraded.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        upgraded.ReadAsync(buffer, offset, count, cancellationToken);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_batched + buffer.Length > MaxBatch) await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
            if (buffer.Length > MaxBatch)
            {
                // A frame bigger than a whole batch (a screenshot) goes straight out, after what was gathered.
                await upgraded.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            else if (DeferFlush || _batched > 0)
            {
                Append(buffer.Span);
                if (!DeferFlush) await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The common case, a lone message: straight through, no copy.
                await upgraded.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_batch is null || _batch.Length - _batched < data.Length)
        {
            var needed = _batched + data.Length;
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(4096, Math.Min(MaxBatch, needed * 2))));
            if (_batch is not null)
            {
                _batch.AsSpan(0, _batched).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_batch);
            }
            _batch = bigger;
        }
        data.CopyTo(_batch.AsSpan(_batched));
        Volatile.Write(ref _batched, _batched + data.Length);
    }

    private async ValueTask WriteBatchAsync(CancellationToken cancellationToken)
    {
        if (_batch is null) return;
        var batch = _batch;
        var length = _batched;
        _batch = null;
        Volatile.Write(ref _batched, 0);
        try
        {
            if (length > 0) await upgraded.WriteAsync(batch.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Aborting the WebSocket disposes this stream; the connection underneath must go too, or a read
    // pending on it would keep the request alive.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            upgraded.Dispose();
            context.Abort();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

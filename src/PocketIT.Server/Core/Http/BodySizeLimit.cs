namespace PocketIT.Server.Core.Http;

/// <summary>Refuses request bodies over a limit with 413, whether announced by Content-Length or streamed.</summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, long limit)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
            return ApiErrors.Write(context, StatusCodes.Status413PayloadTooLarge, $"Request body too large (limit {limit / 1024} KB)");
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        else context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        return next(context);
    }

    /// <summary>For hosts without the Kestrel feature (the test server): count bytes as they are read.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new BadHttpRequestException("Request body too large", StatusCodes.Status413PayloadTooLarge);
            return n;
        }
    }
}

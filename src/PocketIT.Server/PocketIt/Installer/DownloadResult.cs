namespace PocketIT.Server.PocketIt.Installer;

/// <summary>An attachment written by a callback straight into the response body, with a length when it is known.</summary>
public sealed class DownloadResult(string contentType, string fileName, long? length, Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        SetHeaders(context.Response, contentType, fileName, length);
        await write(context.Response.Body, context.RequestAborted);
    }

    internal static void SetHeaders(HttpResponse response, string contentType, string fileName, long? length)
    {
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store"; // installers embed a live enrollment token
        if (length is not null) response.ContentLength = length;
    }
}

/// <summary>
/// A package ZIP. The archive writer needs synchronous writes, which the response body refuses, so it is built
/// in a temporary file (deleted on close) rather than in memory, then sent with its length.
/// </summary>
public sealed class ZipDownloadResult(string fileName, IReadOnlyList<PackageFile> files, byte[]? agentSettings) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var path = Path.Combine(Path.GetTempPath(), $"pocketit-package-{Guid.NewGuid():N}.zip");
        await using var zip = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await PackageZip.WriteAsync(zip, files, agentSettings, ct);
        zip.Position = 0;
        DownloadResult.SetHeaders(context.Response, "application/zip", fileName, zip.Length);
        await zip.CopyToAsync(context.Response.Body, ct);
    }
}

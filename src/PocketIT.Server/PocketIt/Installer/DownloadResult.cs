namespace PocketIT.Server.PocketIt.Installer;

/// <summary>An attachment written by a callback straight into the response body, with a length when it is known.</summary>
public sealed class DownloadResult(string contentType, string fileName, long? length, Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store"; // installers embed a live enrollment token
        if (length is not null) response.ContentLength = length;
        await write(response.Body, context.RequestAborted);
    }
}

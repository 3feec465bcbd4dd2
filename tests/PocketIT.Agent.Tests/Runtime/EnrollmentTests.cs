using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PocketIT.Agent.Enrollment;
using PocketIT.Agent.Identity;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

/// <summary>Enrollment decisions against scripted server answers (the status endpoint is newer than some servers).</summary>
public sealed class EnrollmentTests : IDisposable
{
    private static readonly Uri Server = new("http://pocketit.test/");
    private readonly string _dataDir = Path.Combine(Directory.CreateTempSubdirectory("pit-enroll-").FullName, "data");

    private sealed class ScriptedServer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            lock (Calls) Calls.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return Task.FromResult(answer(request));
        }
    }

    private static HttpResponseMessage Reply(HttpStatusCode status, string? json = null) =>
        new(status) { Content = new StringContent(json ?? "", Encoding.UTF8, json is null ? "text/plain" : "application/json") };

    private (Enroller Enroller, CredentialStore Store) EnrollerFor(ScriptedServer server, string? token = "tok")
    {
        var settings = RunningAgent.SettingsFor(Server, token) with { DataDir = _dataDir, EnrollmentRetry = TimeSpan.FromMilliseconds(10) };
        var store = new CredentialStore(settings.CredentialsPath);
        var api = new EnrollmentApi(new HttpClient(server), TimeSpan.FromSeconds(5));
        return (new Enroller(settings, api, store, NullLogger<Enroller>.Instance), store);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"enrolled":true,"deviceId":"d"}""", StatusOutcome.Enrolled)]
    [InlineData(HttpStatusCode.NotFound, """{"enrolled":false}""", StatusOutcome.NotEnrolled)]
    [InlineData(HttpStatusCode.NotFound, null, StatusOutcome.Unknown)]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":"x"}""", StatusOutcome.BadSecret)]
    [InlineData(HttpStatusCode.OK, "<html>dashboard</html>", StatusOutcome.Unknown)]
    [InlineData(HttpStatusCode.BadGateway, null, StatusOutcome.Unknown)]
    public async Task The_status_answer_is_read_per_the_notes(HttpStatusCode status, string? body, StatusOutcome expected)
    {
        var server = new ScriptedServer(request =>
        {
            Assert.Equal("the-secret", request.Headers.GetValues("x-device-secret").Single());
            return Reply(status, body);
        });
        var api = new EnrollmentApi(new HttpClient(server), TimeSpan.FromSeconds(5));
        Assert.Equal(expected, await api.StatusAsync(Server, "dev 1", "the-secret", CancellationToken.None));
        Assert.Equal("GET /api/enrollment/status/dev%201", server.Calls.Single());
    }

    [Fact]
    public async Task Saved_credentials_the_server_forgot_lead_to_a_new_enrollment()
    {
        var server = new ScriptedServer(r => r.Method == HttpMethod.Get
            ? Reply(HttpStatusCode.NotFound, """{"enrolled":false}""")
            : Reply(HttpStatusCode.OK, """{"success":true,"deviceId":"dev-1","deviceSecret":"new-secret"}"""));
        var (enroller, store) = EnrollerFor(server);
        store.Save(new DeviceCredentials("dev-1", "old-secret", Server.ToString()));

        var credentials = await enroller.EnsureEnrolledAsync("dev-1", "host", CancellationToken.None);
        Assert.Equal("new-secret", credentials.DeviceSecret);
        Assert.Equal("new-secret", store.Load()!.DeviceSecret);
        Assert.Equal(["GET /api/enrollment/status/dev-1", "POST /api/enrollment/enroll"], server.Calls);
    }

    [Fact]
    public async Task Saved_credentials_are_used_when_the_server_cannot_say()
    {
        var server = new ScriptedServer(_ => Reply(HttpStatusCode.NotFound));
        var (enroller, store) = EnrollerFor(server, token: null);
        store.Save(new DeviceCredentials("dev-1", "secret", Server.ToString()));
        Assert.Equal("secret", (await enroller.EnsureEnrolledAsync("dev-1", "host", CancellationToken.None)).DeviceSecret);
    }

    [Fact]
    public async Task A_rejected_secret_stops_with_instructions()
    {
        var (enroller, store) = EnrollerFor(new ScriptedServer(_ => Reply(HttpStatusCode.Unauthorized, """{"error":"x"}""")));
        store.Save(new DeviceCredentials("dev-1", "secret", Server.ToString()));
        var e = await Assert.ThrowsAsync<EnrollmentFailedException>(() => enroller.EnsureEnrolledAsync("dev-1", "host", CancellationToken.None));
        Assert.Equal(Enroller.ExitBadSecret, e.ExitCode);
        Assert.DoesNotContain("secret\"", e.Message);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_enrollment_succeeds()
    {
        var attempts = 0;
        var server = new ScriptedServer(_ => ++attempts < 3
            ? Reply(HttpStatusCode.ServiceUnavailable)
            : Reply(HttpStatusCode.OK, """{"success":true,"deviceId":"dev-1","deviceSecret":"s"}"""));
        var (enroller, _) = EnrollerFor(server);
        Assert.Equal("s", (await enroller.EnsureEnrolledAsync("dev-1", "host", CancellationToken.None)).DeviceSecret);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task No_token_and_no_credentials_stops_with_a_message()
    {
        var (enroller, _) = EnrollerFor(new ScriptedServer(_ => Reply(HttpStatusCode.OK)), token: null);
        var e = await Assert.ThrowsAsync<EnrollmentFailedException>(() => enroller.EnsureEnrolledAsync("dev-1", "host", CancellationToken.None));
        Assert.Equal(Enroller.ExitNoToken, e.ExitCode);
        Assert.Contains("--enroll-token", e.Message);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
}

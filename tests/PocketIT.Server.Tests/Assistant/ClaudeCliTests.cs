using Microsoft.Extensions.AI;
using PocketIT.Server.Assistant.Providers;

namespace PocketIT.Server.Tests.Assistant;

/// <summary>The claude-cli provider against stand-in executables: the transcript on stdin, stdout as the reply, exit codes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stand-ins are POSIX shell scripts
public sealed class ClaudeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pocketit-cli-").FullName;

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Your name is Casey."),
        new(ChatRole.User, "my printer is jammed"),
    ];

    [Fact]
    public async Task Transcript_goes_to_stdin_and_stdout_is_the_reply()
    {
        // Echoes its arguments and the transcript it was given, so the test sees both.
        var cli = Script("claude", "echo \"args: $*\"; cat");
        var reply = await new ClaudeCliChatClient(cli, "sonnet").GetResponseAsync(Conversation);
        Assert.Contains("args: -p --model sonnet", reply.Text);
        Assert.Contains("<system>Your name is Casey.</system>", reply.Text);
        Assert.Contains("User: my printer is jammed", reply.Text);
        Assert.EndsWith("Assistant:", reply.Text);
    }

    [Fact]
    public async Task Non_zero_exit_is_an_error()
    {
        var cli = Script("failing", "echo oops; exit 3");
        await Assert.ThrowsAsync<AssistantProviderException>(() => new ClaudeCliChatClient(cli, "default").GetResponseAsync(Conversation));
    }

    [Fact]
    public async Task Timeout_cancels_the_call_and_the_process_is_killed()
    {
        var cli = Script("slow", "sleep 30");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ClaudeCliChatClient(cli, "default").GetResponseAsync(Conversation, cancellationToken: timeout.Token));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PocketIT.Agent.Approval;
using PocketIT.Agent.Connection;

namespace PocketIT.Agent.LocalChat;

/// <summary>One attached <c>pocketit-agent chat</c>: writes lines and questions to it, reads its messages and answers.</summary>
public sealed class ChatSession(Socket socket, ApprovalBroker broker, IServerLink server, ILogger log) : IApprovalSurface, IAsyncDisposable
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    // One writer drains the queue, so lines reach the chat in the order they were published.
    private readonly Channel<LocalMessage> _outbox = Channel.CreateUnbounded<LocalMessage>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    public void Show(string id, string question) => Send(new LocalMessage { Type = "approval", Id = id, Text = question });

    public void Closed(string id, bool approved) => Send(new LocalMessage { Type = "approval_closed", Id = id, Approved = approved });

    /// <summary>Queues a message to the session; a session that hung up just drops it.</summary>
    public void Send(LocalMessage message) => _outbox.Writer.TryWrite(message);

    public Task SendAsync(LocalMessage message)
    {
        Send(message);
        return Task.CompletedTask;
    }

    private async Task WriteAllAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync())
                await _stream.WriteAsync(Encoding.UTF8.GetBytes(message.ToJson() + "\n"));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException) { _outbox.Writer.TryComplete(); }
    }

    public LocalMessage Hello() => new() { Type = "hello", DeviceId = server.DeviceId, Connected = server.Connected };

    /// <summary>Reads the session's messages until it hangs up or the agent stops.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _writer ??= Task.Run(WriteAllAsync, CancellationToken.None);
        using var reader = new StreamReader(_stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
                if (LocalMessage.TryParse(line) is { } message) await HandleAsync(message, ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
        finally { _outbox.Writer.TryComplete(); }
    }

    private async Task HandleAsync(LocalMessage message, CancellationToken ct)
    {
        switch (message.Type)
        {
            case "chat" when !string.IsNullOrWhiteSpace(message.Text):
                if (!await server.SendChatAsync(message.Text, ct))
                    await SendAsync(LocalMessage.Line("system", "Not connected to the IT server right now; your message was not sent. The agent keeps trying to reconnect."));
                break;
            case "answer" when message.Id is not null:
                broker.Answer(message.Id, message.Approved == true);
                break;
            case "status":
                await SendAsync(Hello() with { Type = "status" });
                break;
            default:
                log.LogDebug("Ignored a local chat message of type {Type}", message.Type);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        if (_writer is not null) await _writer.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        await _stream.DisposeAsync();
    }
}

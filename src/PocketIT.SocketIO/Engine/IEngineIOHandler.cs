namespace PocketIT.SocketIO.Engine;

/// <summary>
/// Receives what arrives on one Engine.IO session. Calls for one session never overlap and come in
/// order. The spans are only valid during the call: copy what must outlive it.
/// </summary>
public interface IEngineIOHandler
{
    void OnOpen(EngineIOSession session);
    void OnMessage(EngineIOSession session, ReadOnlySpan<byte> utf8Text);
    void OnBinaryMessage(EngineIOSession session, ReadOnlySpan<byte> data);
    void OnClose(EngineIOSession session, string reason);
}

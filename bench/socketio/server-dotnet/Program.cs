using PocketIT.SocketIO;

// The benchmark server: the same behaviour as server-node.js, on PocketIT.SocketIO.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

// Collects garbage and reports the resident set, so both servers are measured after a full GC.
app.MapGet("/bench/gc", () =>
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return Results.Text(Environment.WorkingSet.ToString());
});

app.MapSocketIO("/socket.io", o => o.Namespace("/", ns =>
{
    ns.On("echo", e => e.AckAsync(e.ToArray()).AsTask());
    ns.On("bcast", async e =>
    {
        var count = e.Get<int>(0);
        var payload = e[1];
        for (var i = 0; i < count; i++) await ns.EmitAsync("tick", payload);
        await e.AckAsync(count);
    });
}));

app.Run();

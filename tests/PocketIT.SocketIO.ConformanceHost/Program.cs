using PocketIT.SocketIO.ConformanceHost;

// The configuration the official Engine.IO and Socket.IO protocol test suites expect.
// With --interop it also serves the /interop namespace used by the socket.io-client tests.
var interop = args.Contains("--interop");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--interop").ToArray());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information); // prints the bound address
var app = builder.Build();
app.MapConformanceEndpoints(interop: interop);
app.Run();

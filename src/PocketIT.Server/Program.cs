using PocketIT.Server.Core.Hosting;
using PocketIT.Server.PocketIt;

var builder = WebApplication.CreateBuilder(args);
builder.AddPocketItCore();
builder.Services.AddPocketItFeatures();

var app = builder.Build();
await app.PrepareStorageAsync();
app.UsePocketItPipeline();
app.MapPocketItFace();
app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

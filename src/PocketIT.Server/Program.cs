var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => new { status = "ok", service = "pocket-it" });
app.Run();

public partial class Program;

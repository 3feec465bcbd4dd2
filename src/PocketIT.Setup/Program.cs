namespace PocketIT.Setup;

// An explicit entry point in our namespace: a top-level Program would clash with the server's in the tests.
internal static class Program
{
    private static Task<int> Main(string[] args) => SetupCommand.RunAsync(args);
}

namespace PocketIT.Server.Tests;

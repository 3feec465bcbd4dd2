return await PocketIT.Setup.SetupCommand.RunAsync(args);

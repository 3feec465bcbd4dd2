// Composition only; see README "Device agent".
Console.Error.WriteLine("pocketit-agent: not built yet");
return 1;

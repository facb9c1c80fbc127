using ZoomEmulator;

// Process mode: `dotnet run --project samples/ZoomEmulator -- --urls http://127.0.0.1:5077`.
// The clock is an AdjustableClock so /_emulator/clock/advance can move time forward.
var options = new ZoomEmulatorOptions { TimeProvider = new AdjustableClock() };
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--urls" when value is not null:
            options.Url = value.Split(';')[0];
            i++;
            break;
        case "--account-id" when value is not null:
            options.AccountId = value;
            i++;
            break;
        case "--client-id" when value is not null:
            options.ClientId = value;
            i++;
            break;
        case "--client-secret" when value is not null:
            options.ClientSecret = value;
            i++;
            break;
        case "--no-rate-limit-headers":
            options.SendRateLimitHeaders = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --urls, --account-id, --client-id, --client-secret, --no-rate-limit-headers.");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var server = await ZoomEmulatorServer.StartAsync(options, stop.Token);
Console.WriteLine($"Zoom emulator listening on {server.BaseAddress}");
Console.WriteLine($"  API base:       {server.ApiBaseAddress}");
Console.WriteLine($"  Token endpoint: {server.TokenEndpoint}");
Console.WriteLine($"  Account id:     {server.AccountId}");
Console.WriteLine($"  Client id:      {server.ClientId}");
Console.WriteLine($"  Client secret:  {server.ClientSecret}");
Console.WriteLine($"  Admin:          {server.BaseAddress}_emulator/state (see README.md)");
Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

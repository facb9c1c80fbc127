using ZoomMeetings.Running;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish reporting instead of dying mid-request
    cancel.Cancel();
};
return await ZoomMeetingsApp.RunAsync(args, Console.Out, Console.Error, cancellationToken: cancel.Token);

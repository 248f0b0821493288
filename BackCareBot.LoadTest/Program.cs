using BackCareBot.LoadTest;

// Plays whole triage conversations against a running host and reports throughput, latency and errors.
//   dotnet run -c Release --project BackCareBot.LoadTest -- --url http://127.0.0.1:3978 --concurrency 64 --duration 30 [--rate 6000] [--pid N] [--timeline true]
// Replies are handled on the socket thread instead of a pool thread: the work per reply is tiny, and a
// thread switch per reply is CPU the host, measured on the same small machine, would otherwise lose. It must
// be set before the first socket is made, which is why it is set here and not in the runner.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var report = await new LoadRunner(options).RunAsync();
foreach (var second in report.Timeline)
{
    Console.WriteLine(second);
}

Console.WriteLine(report);
return report.Errors == 0 ? 0 : 1;

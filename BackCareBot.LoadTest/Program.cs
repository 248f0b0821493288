using BackCareBot.LoadTest;

// Plays whole triage conversations against a running host and reports throughput, latency and errors.
//   dotnet run -c Release --project BackCareBot.LoadTest -- --url http://127.0.0.1:3978 --concurrency 64 --duration 30 [--rate 6000] [--pid N] [--timeline true]
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

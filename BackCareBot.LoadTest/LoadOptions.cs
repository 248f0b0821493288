using System.Globalization;

namespace BackCareBot.LoadTest;

/// <summary>Command-line settings of a load run.</summary>
/// <param name="Rate">Turns per second offered by all people together; null sends each turn as soon as the last one is answered.</param>
/// <param name="Timeline">Also print each second's turns, p99 and slowest turn, to tell a steady tail from a stall.</param>
internal sealed record LoadOptions(Uri Url, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int? HostProcessId, double? Rate = null, bool Timeline = false)
{
    public const string Usage = "usage: BackCareBot.LoadTest --url http://127.0.0.1:3978 [--concurrency 64] [--duration 30] [--warmup 5] [--rate <turns/s>] [--pid <host process id>] [--timeline true]";

    public static LoadOptions? Parse(string[] args)
    {
        Uri? url = null;
        var concurrency = 64;
        var duration = 30.0;
        var warmup = 5.0;
        int? pid = null;
        double? rate = null;
        var timeline = false;
        if (args.Length % 2 != 0)
        {
            return null;
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var parsed):
                    url = parsed;
                    break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c > 0:
                    concurrency = c;
                    break;
                case "--duration" when double.TryParse(value, CultureInfo.InvariantCulture, out var d) && d > 0:
                    duration = d;
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0:
                    warmup = w;
                    break;
                case "--rate" when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
                    rate = r;
                    break;
                case "--timeline" when bool.TryParse(value, out var t):
                    timeline = t;
                    break;
                case "--pid" when int.TryParse(value, CultureInfo.InvariantCulture, out var p):
                    pid = p;
                    break;
                default:
                    return null;
            }
        }

        return url is null ? null : new LoadOptions(url, concurrency, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), pid, rate, timeline);
    }
}

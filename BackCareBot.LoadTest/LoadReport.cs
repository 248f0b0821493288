using System.Globalization;

namespace BackCareBot.LoadTest;

/// <summary>The figures of one load run; with a fixed rate, latencies count from each turn's slot.</summary>
internal sealed record LoadReport(int Concurrency, double? OfferedRate, int Turns, int Errors, TimeSpan Elapsed, double P50, double P90, double P99, long? PeakMemoryBytes)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"concurrency={Concurrency} offered={(OfferedRate is { } rate ? $"{rate:F0}/s" : "max")} turns={Turns} errors={Errors} seconds={Elapsed.TotalSeconds:F1} turns/s={TurnsPerSecond:F0} " +
        $"p50={P50:F2}ms p90={P90:F2}ms p99={P99:F2}ms peakHostMemory={(PeakMemoryBytes is { } bytes ? $"{bytes / (1024.0 * 1024.0):F1}MiB" : "n/a")}");
}

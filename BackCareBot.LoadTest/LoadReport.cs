using System.Globalization;

namespace BackCareBot.LoadTest;

/// <summary>
/// The figures of one load run. With a fixed rate, latencies count from each turn's slot, so a load tool that
/// falls behind adds its own delay; the answer time's p99 counts from sending alone, to tell the two apart. The
/// timeline, per second of the run, is filled only when <c>--timeline</c> asked for it.
/// </summary>
internal sealed record LoadReport(int Concurrency, double? OfferedRate, int Turns, int Errors, TimeSpan Elapsed, double P50, double P90, double P99, double AnswerP99, long? PeakMemoryBytes, IReadOnlyList<TimelineSecond> Timeline)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"concurrency={Concurrency} offered={(OfferedRate is { } rate ? $"{rate:F0}/s" : "max")} turns={Turns} errors={Errors} seconds={Elapsed.TotalSeconds:F1} turns/s={TurnsPerSecond:F0} " +
        $"p50={P50:F2}ms p90={P90:F2}ms p99={P99:F2}ms answerP99={AnswerP99:F2}ms peakHostMemory={(PeakMemoryBytes is { } bytes ? $"{bytes / (1024.0 * 1024.0):F1}MiB" : "n/a")}");
}

/// <summary>One second of a run, as <c>--timeline</c> prints it.</summary>
internal sealed record TimelineSecond(int Second, int Turns, double P99, double Max, double AnswerP99)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"second={Second} turns={Turns} p99={P99:F2}ms max={Max:F2}ms answerP99={AnswerP99:F2}ms");
}

using System.Diagnostics;

namespace BackCareBot.LoadTest;

/// <summary>Collects turn latencies from many tasks at once, with the second of the run each turn ended in.</summary>
internal sealed class Recorder
{
    private readonly List<Sample> _samples = new(1 << 20);
    private readonly long _start = Stopwatch.GetTimestamp();
    private int _errors;

    /// <param name="latency">From the turn's slot at a fixed rate, otherwise from sending it.</param>
    /// <param name="answerTime">From sending the turn to the whole reply: the host's part alone.</param>
    public void Record(TimeSpan latency, TimeSpan answerTime, bool ok)
    {
        var second = (int)Stopwatch.GetElapsedTime(_start).TotalSeconds;
        lock (_samples)
        {
            _samples.Add(new Sample(second, latency.TotalMilliseconds, answerTime.TotalMilliseconds));
            if (!ok)
            {
                _errors++;
            }
        }
    }

    public LoadReport Report(LoadOptions options, TimeSpan elapsed, long? peakMemoryBytes)
    {
        lock (_samples)
        {
            var latencies = Sorted(_samples.Select(sample => sample.Latency));
            var answerTimes = Sorted(_samples.Select(sample => sample.AnswerTime));
            return new LoadReport(
                options.Concurrency,
                options.Rate,
                _samples.Count,
                _errors,
                elapsed,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.90),
                Percentile(latencies, 0.99),
                Percentile(answerTimes, 0.99),
                peakMemoryBytes,
                options.Timeline ? Timeline() : []);
        }
    }

    /// <summary>Per second of the run: turns ended, their p99 and slowest, and the p99 of the host's answer time alone.</summary>
    /// <remarks>Called from <see cref="Report"/>, under its lock.</remarks>
    private List<TimelineSecond> Timeline() =>
        _samples
            .GroupBy(sample => sample.Second)
            .OrderBy(group => group.Key)
            .Select(group =>
            {
                var latencies = Sorted(group.Select(sample => sample.Latency));
                var answerTimes = Sorted(group.Select(sample => sample.AnswerTime));
                return new TimelineSecond(group.Key, latencies.Length, Percentile(latencies, 0.99), latencies[^1], Percentile(answerTimes, 0.99));
            })
            .ToList();

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private readonly record struct Sample(int Second, double Latency, double AnswerTime);
}

namespace BackCareBot.LoadTest;

/// <summary>Collects turn latencies from many tasks at once.</summary>
internal sealed class Recorder
{
    private readonly List<double> _milliseconds = new(1 << 20);
    private int _errors;

    public void Record(TimeSpan elapsed, bool ok)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
            if (!ok)
            {
                _errors++;
            }
        }
    }

    public LoadReport Report(LoadOptions options, TimeSpan elapsed, long? peakMemoryBytes)
    {
        lock (_milliseconds)
        {
            _milliseconds.Sort();
            return new LoadReport(
                options.Concurrency,
                options.Rate,
                _milliseconds.Count,
                _errors,
                elapsed,
                Percentile(0.50),
                Percentile(0.90),
                Percentile(0.99),
                peakMemoryBytes);
        }
    }

    private double Percentile(double p) =>
        _milliseconds.Count == 0 ? 0 : _milliseconds[Math.Min(_milliseconds.Count - 1, (int)Math.Ceiling(p * _milliseconds.Count) - 1)];
}

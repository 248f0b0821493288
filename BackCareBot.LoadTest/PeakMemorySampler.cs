using System.Diagnostics;

namespace BackCareBot.LoadTest;

/// <summary>Samples the host's resident memory while the load runs, and reports the highest value seen.</summary>
internal sealed class PeakMemorySampler(int processId)
{
    private readonly CancellationTokenSource _stop = new();
    private Task<long>? _sampling;

    public void Start() => _sampling = Task.Run(SampleAsync);

    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        return _sampling is null ? 0 : await _sampling;
    }

    private async Task<long> SampleAsync()
    {
        using var process = Process.GetProcessById(processId);
        long peak = 0;
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }
}

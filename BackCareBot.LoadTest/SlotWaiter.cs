using System.Diagnostics;

namespace BackCareBot.LoadTest;

/// <summary>
/// Wakes paced people at their slots, all from one thread that looks about once a millisecond. A timer per
/// turn cost the load tool two thread switches a turn (the timer thread, then a pool thread), and on a small
/// machine shared with the host those switches are CPU taken from the host being measured. Nobody is woken
/// before their slot, and a woken person's turn is sent from this thread, so any lateness here still counts
/// in the latency measured from the slot.
/// </summary>
internal sealed class SlotWaiter
{
    private readonly PriorityQueue<TaskCompletionSource, long> _waiting = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationToken _stop;
    private bool _closed;

    /// <param name="stop">Ends the waiting: everyone still waiting is woken, and checks it themselves.</param>
    public SlotWaiter(CancellationToken stop)
    {
        _stop = stop;
        new Thread(Run) { IsBackground = true, Name = "Load slots" }.Start();
    }

    /// <summary>Completes at <paramref name="slot"/> (a <see cref="Stopwatch"/> timestamp), at once if it has passed.</summary>
    public Task WaitForAsync(long slot)
    {
        if (slot <= Stopwatch.GetTimestamp())
        {
            return Task.CompletedTask;
        }

        // Continuations run on the waking thread: that is the point, one thread instead of a pool hop each.
        var woken = new TaskCompletionSource();
        bool wasIdle;
        lock (_lock)
        {
            if (_closed)
            {
                return Task.CompletedTask;
            }

            wasIdle = _waiting.Count == 0;
            _waiting.Enqueue(woken, slot);
        }

        if (wasIdle)
        {
            _arrived.Release();
        }

        return woken.Task;
    }

    private void Run()
    {
        var due = new List<TaskCompletionSource>();
        while (!_stop.IsCancellationRequested)
        {
            bool idle;
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                while (_waiting.TryPeek(out _, out var slot) && slot <= now)
                {
                    due.Add(_waiting.Dequeue());
                }

                idle = _waiting.Count == 0;
            }

            Wake(due);
            if (idle)
            {
                _arrived.Wait(TimeSpan.FromMilliseconds(50));
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        lock (_lock)
        {
            _closed = true;
            while (_waiting.TryDequeue(out var waiting, out _))
            {
                // On the pool: whoever carries on after the last person must not carry on on this thread.
                ThreadPool.QueueUserWorkItem(static woken => woken.SetResult(), waiting, preferLocal: false);
            }
        }
    }

    private static void Wake(List<TaskCompletionSource> due)
    {
        foreach (var woken in due)
        {
            woken.SetResult();
        }

        due.Clear();
    }
}

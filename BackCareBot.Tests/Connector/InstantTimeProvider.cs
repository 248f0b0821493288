namespace BackCareBot.Tests.Connector;

/// <summary>
/// A clock for retry tests: "now" is fixed, and a timer due within <see cref="Horizon"/> fires at once
/// (its delay is recorded) while a later one never fires. Back-off waits then cost nothing, and a long
/// per-attempt timeout never cuts in; a short one fires straight away.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];
    private readonly Lock _gate = new();

    public InstantTimeProvider(DateTimeOffset now, TimeSpan horizon)
    {
        Now = now;
        Horizon = horizon;
    }

    public DateTimeOffset Now { get; }

    public TimeSpan Horizon { get; }

    public IReadOnlyList<TimeSpan> FiredDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private bool ShouldFire(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > Horizon)
        {
            return false;
        }

        lock (_gate)
        {
            _delays.Add(dueTime);
        }

        return true;
    }

    // Scheduled by Change as well as at creation: a CancellationTokenSource's CancelAfter arms an existing timer.
    private sealed class InstantTimer(InstantTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (!_disposed && owner.ShouldFire(dueTime))
            {
                // Fired off the arming thread, as a real timer would be, so the caller has its ITimer first.
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    if (!_disposed)
                    {
                        callback(state);
                    }
                });
            }

            return !_disposed;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return default;
        }
    }
}

using System.Diagnostics;

namespace BackCareBot.LoadTest;

/// <summary>
/// Offers a fixed total rate of turns: each person's turns are spaced evenly, and the people are staggered
/// so that together they send at a steady pace instead of in bursts. A turn's latency is counted from its
/// slot, not from when it was finally sent, so a slow reply also counts against the turns it held up
/// (otherwise a stalled host would look fast, because it is sent less work while it stalls).
/// </summary>
internal sealed class Pacer
{
    private readonly long _start;
    private readonly long _interval;
    private readonly long _stagger;

    /// <param name="start">The first slot, as a <see cref="Stopwatch"/> timestamp.</param>
    public Pacer(double turnsPerSecond, int people, long start)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(turnsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(people);
        _start = start;
        _interval = (long)(Stopwatch.Frequency * people / turnsPerSecond);
        _stagger = _interval / people;
    }

    /// <summary>The <paramref name="turn"/>-th slot (from 0) of one person, as a <see cref="Stopwatch"/> timestamp.</summary>
    public long Slot(int person, long turn) => _start + (person * _stagger) + (turn * _interval);
}

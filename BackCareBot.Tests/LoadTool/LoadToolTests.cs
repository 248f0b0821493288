extern alias loadtool;

using System.Diagnostics;
using loadtool::BackCareBot.LoadTest;
using BackCareBot.Tests.DirectLine;

namespace BackCareBot.Tests.LoadTool;

/// <summary>The load tool itself: its options, its pacing, and a short run against the real host on 127.0.0.1.</summary>
public sealed class LoadToolTests : IClassFixture<LiveBotHost>
{
    private readonly LiveBotHost _host;

    public LoadToolTests(LiveBotHost host)
    {
        _host = host;
    }

    [Fact]
    public void Parse_AllOptions_AreRead()
    {
        var options = LoadOptions.Parse(["--url", "http://127.0.0.1:3978", "--concurrency", "8", "--duration", "2.5", "--warmup", "0", "--rate", "6000", "--pid", "42", "--timeline", "true"]);

        Assert.NotNull(options);
        Assert.Equal(new Uri("http://127.0.0.1:3978"), options.Url);
        Assert.Equal(8, options.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Duration);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.Equal(6000, options.Rate);
        Assert.Equal(42, options.HostProcessId);
        Assert.True(options.Timeline);
    }

    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--rate", "fast")]
    [InlineData("--concurrency", "-1")]
    [InlineData("--colour", "red")]
    [InlineData("--rate")]
    public void Parse_BadOrUnknownOption_IsRefused(params string[] extra)
    {
        Assert.Null(LoadOptions.Parse(["--url", "http://127.0.0.1:3978", .. extra]));
    }

    [Fact]
    public void Parse_NoRate_SendsAsFastAsAnswered()
    {
        Assert.Null(LoadOptions.Parse(["--url", "http://127.0.0.1:3978"])!.Rate);
    }

    [Fact]
    public void Pacer_PeopleTogether_SendEvenlyAtTheRate()
    {
        const int people = 4;
        var pacer = new Pacer(turnsPerSecond: 1000, people, start: 0);

        var slots = Enumerable.Range(0, people)
            .SelectMany(person => Enumerable.Range(0, 3).Select(turn => pacer.Slot(person, turn)))
            .Order()
            .ToList();
        var millisecond = Stopwatch.Frequency / 1000.0;

        Assert.Equal(12, slots.Count);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(millisecond, pair.Second - pair.First, tolerance: 1));
        Assert.Equal(4 * millisecond, pacer.Slot(0, 1) - pacer.Slot(0, 0), tolerance: 1);
    }

    [Fact]
    public async Task SlotWaiter_WakesNobodyBeforeTheirSlot()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var waiter = new SlotWaiter(stop.Token);
        var start = Stopwatch.GetTimestamp();
        var slots = Enumerable.Range(1, 20).Select(i => start + (i * Stopwatch.Frequency / 1000)).Reverse().ToList();

        var woken = await Task.WhenAll(slots.Select(async slot =>
        {
            await waiter.WaitForAsync(slot);
            return (Slot: slot, At: Stopwatch.GetTimestamp());
        }));

        Assert.All(woken, person => Assert.True(person.At >= person.Slot, $"woken {Stopwatch.GetElapsedTime(person.At, person.Slot)} early"));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task SlotWaiter_Stopped_WakesEveryoneStillWaitingAndHoldsNobodyAfter()
    {
        using var stop = new CancellationTokenSource();
        var waiter = new SlotWaiter(stop.Token);
        var inAnHour = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3600);
        var waiting = Enumerable.Range(0, 5).Select(_ => waiter.WaitForAsync(inAnHour)).ToArray();
        await Task.Delay(20);
        Assert.All(waiting, person => Assert.False(person.IsCompleted));

        await stop.CancelAsync();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waiter.WaitForAsync(inAnHour).IsCompleted);
    }

    [Fact]
    public void Recorder_LoadToolFallingBehind_ShowsInTheLatencyButNotInTheAnswerTime()
    {
        var recorder = new Recorder();
        for (var i = 0; i < 49; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2), ok: true);
        }

        recorder.Record(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(4), ok: false);
        var options = new LoadOptions(new Uri("http://127.0.0.1:1"), 1, TimeSpan.FromSeconds(1), TimeSpan.Zero, null, Rate: 100, Timeline: true);

        var report = recorder.Report(options, TimeSpan.FromSeconds(1), peakMemoryBytes: null);
        var second = Assert.Single(report.Timeline);

        Assert.Equal(50, report.Turns);
        Assert.Equal(1, report.Errors);
        Assert.Equal(300, report.P99);
        Assert.Equal(4, report.AnswerP99);
        Assert.Equal(50, second.Turns);
        Assert.Equal(300, second.Max);
        Assert.Equal(4, second.AnswerP99);
    }

    [Fact]
    public async Task Run_AsFastAsAnswered_PlaysConversationsWithoutErrors()
    {
        var options = new LoadOptions(new Uri(_host.BaseUrl), Concurrency: 4, Duration: TimeSpan.FromSeconds(1), Warmup: TimeSpan.FromMilliseconds(200), HostProcessId: Environment.ProcessId);

        var report = await new LoadRunner(options).RunAsync();

        Assert.Equal(0, report.Errors);
        Assert.True(report.Turns > 20, report.ToString());
        Assert.True(report.P50 <= report.P90 && report.P90 <= report.P99, report.ToString());
        Assert.True(report.PeakMemoryBytes > 0, report.ToString());
    }

    [Fact]
    public async Task Run_AtAFixedRate_SendsNoMoreThanOffered()
    {
        var options = new LoadOptions(new Uri(_host.BaseUrl), Concurrency: 4, Duration: TimeSpan.FromSeconds(1), Warmup: TimeSpan.Zero, HostProcessId: null, Rate: 50);

        var report = await new LoadRunner(options).RunAsync();

        Assert.Equal(0, report.Errors);
        Assert.InRange(report.Turns, 1, 50 + options.Concurrency);
        Assert.Contains("offered=50/s", report.ToString(), StringComparison.Ordinal);
    }
}

using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Tests.Engine;

public sealed class InterruptionTests
{
    public static TheoryData<string[]> EveryPoint() => new()
    {
        Array.Empty<string>(),
        new[] { "hi" },
        new[] { "hi", "banana" },
        new[] { "hi", "lower" },
        new[] { "hi", "lower", "99" },
        new[] { "hi", "lower", "99", "-" },
        new[] { "hi", "lower", "7" },
        new[] { "hi", "lower", "7", "maybe" },
    };

    [Theory]
    [MemberData(nameof(EveryPoint))]
    public async Task OnContinueDialogAsync_RedFlagAtAnyPoint_EndsTheWholeStackWithoutAskingAgain(string[] before)
    {
        var adapter = new DialogTestAdapter(new TestComponent("root", TestDialogs.Waterfall(
            "outer",
            (step, ct) => step.BeginDialogAsync(SampleTriageDialog.DialogId, cancellationToken: ct),
            (step, ct) => throw new InvalidOperationException("the parent must not resume after a red flag")),
            new SampleTriageDialog()));
        foreach (var text in before)
        {
            await adapter.SayAsync(text);
        }

        Assert.Equal([SampleTriageDialog.RedFlagReply], await adapter.SayAsync("I can't feel my legs"));

        Assert.Equal(DialogTurnStatus.Cancelled, adapter.LastResult!.Status);
        Assert.Empty(await adapter.StoredStackIdsAsync());
    }

    [Fact]
    public async Task OnContinueDialogAsync_EveryMessage_IsSeenByTheHookBeforeTheActiveStep()
    {
        var triage = new SampleTriageDialog();
        var adapter = new DialogTestAdapter(triage);
        string[] transcript = ["hi", "banana", "lower", "eleven", "7", "perhaps", "yes"];

        foreach (var text in transcript)
        {
            await adapter.SayAsync(text);
        }

        Assert.Equal(transcript, triage.Seen);
        Assert.Equal(new TriageOutcome("lower", 7, true), adapter.LastResult!.Result.Get<TriageOutcome>());
    }

    [Fact]
    public async Task OnContinueDialogAsync_AfterRedFlag_NextMessageStartsAFreshTriage()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());
        await adapter.SayAsync("hi");
        await adapter.SayAsync("neck");
        await adapter.SayAsync("my legs are weak");

        Assert.Equal([SampleTriageDialog.AreaQuestion], await adapter.SayAsync("hello again"));
    }
}

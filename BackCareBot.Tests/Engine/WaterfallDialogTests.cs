using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Tests.Engine;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task RunAsync_TriageTranscript_RunsStepsInOrderAcrossTurns()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());

        Assert.Equal([SampleTriageDialog.AreaQuestion], await adapter.SayAsync("hi"));
        Assert.Equal([SampleTriageDialog.PainQuestion], await adapter.SayAsync("lower"));
        Assert.Equal([SampleTriageDialog.NumbQuestion], await adapter.SayAsync("7"));
        Assert.Equal(["area=lower pain=7 numb=False"], await adapter.SayAsync("no"));

        Assert.Equal(DialogTurnStatus.Complete, adapter.LastResult!.Status);
        Assert.Equal(new TriageOutcome("lower", 7, false), adapter.LastResult.Result.Get<TriageOutcome>());
        Assert.Empty(await adapter.StoredStackIdsAsync());
    }

    [Fact]
    public async Task RunAsync_BetweenTurns_StackIsStoredAsPlainJsonWithoutTypeNames()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());
        await adapter.SayAsync("hi");
        await adapter.SayAsync("lumbar");

        var json = await adapter.ReadStoredJsonAsync();

        Assert.NotNull(json);
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("BackCareBot", json, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", json, StringComparison.Ordinal);
        var root = JsonNode.Parse(json)!["DialogState"]!["dialogStack"]![0]!;
        Assert.Equal("triage", (string?)root["id"]);
        var inner = root["stack"]!.AsArray();
        Assert.Equal("triage.steps", (string?)inner[0]!["id"]);
        Assert.Equal(1, (int?)inner[0]!["state"]!["step"]);
        Assert.Equal("lower", (string?)inner[0]!["state"]!["values"]!["area"]);
        Assert.Equal("triage.pain", (string?)inner[1]!["id"]);
    }

    [Fact]
    public async Task BeginDialogAsync_OptionsOfStateType_BecomeInitialStateAndKnownStepIsSkipped()
    {
        var adapter = new DialogTestAdapter(new TestComponent(
            "root",
            TestDialogs.Waterfall("start", (step, ct) => step.BeginDialogAsync(SampleTriageDialog.DialogId, new TriageState { Area = "neck" }, ct)),
            new SampleTriageDialog()));

        Assert.Equal([SampleTriageDialog.PainQuestion], await adapter.SayAsync("hi"));
        await adapter.SayAsync("3");
        Assert.Equal(["area=neck pain=3 numb=True"], await adapter.SayAsync("yes please"));
    }

    [Fact]
    public async Task EndDialogAsync_ChildCompletes_ParentNextStepGetsTypedResult()
    {
        var adapter = new DialogTestAdapter(new TestComponent(
            "root",
            TestDialogs.Waterfall(
                "parent",
                (step, ct) => step.BeginDialogAsync(SampleTriageDialog.DialogId, cancellationToken: ct),
                async (step, ct) =>
                {
                    var outcome = step.Result.Get<TriageOutcome>();
                    await step.Context.SendActivityAsync(Say.Message($"parent got {outcome.Area}/{outcome.Pain}"), ct);
                    return await step.EndDialogAsync(cancellationToken: ct);
                }),
            new SampleTriageDialog()));

        await adapter.SayAsync("hi");
        await adapter.SayAsync("upper");
        await adapter.SayAsync("four");

        Assert.Equal(["area=upper pain=4 numb=False", "parent got upper/4"], await adapter.SayAsync("nope"));
        Assert.Equal(DialogTurnStatus.Complete, adapter.LastResult!.Status);
    }

    [Fact]
    public async Task ReplaceDialogAsync_WaterfallReplacesItself_LoopsWithoutGrowingTheStack()
    {
        var adapter = new DialogTestAdapter(new TestComponent(
            "root",
            TestDialogs.Waterfall(
                "parent",
                (step, ct) => step.BeginDialogAsync("loop", cancellationToken: ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(Say.Message($"rounds={step.Result.Get<int>()}"), ct);
                    return await step.EndDialogAsync(cancellationToken: ct);
                }),
            TestDialogs.Waterfall(
                "loop",
                (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Say.Message($"round {step.State.Count + 1}?") }, ct),
                (step, ct) =>
                {
                    step.State.Count++;
                    step.State.Log.Add(step.Result.Text!);
                    return step.State.Count < 3
                        ? step.ReplaceDialogAsync("loop", step.State, ct)
                        : step.EndDialogAsync(DialogResult.From(step.State.Count), ct);
                }),
            new TextPrompt("name")));

        Assert.Equal(["round 1?"], await adapter.SayAsync("hi"));
        Assert.Equal(["round 2?"], await adapter.SayAsync("a"));
        var innerDepth = JsonNode.Parse((await adapter.ReadStoredJsonAsync())!)!["DialogState"]!["dialogStack"]![0]!["stack"]!.AsArray().Count;
        Assert.Equal(3, innerDepth);
        Assert.Equal(["round 3?"], await adapter.SayAsync("b"));
        Assert.Equal(["rounds=3"], await adapter.SayAsync("c"));
    }

    [Fact]
    public async Task CancelAllDialogsAsync_FromNestedStep_EmptiesEveryStackAndNextMessageStartsAfresh()
    {
        var adapter = new DialogTestAdapter(new TestComponent(
            "root",
            TestDialogs.Waterfall(
                "outer",
                (step, ct) => step.BeginDialogAsync("inner", cancellationToken: ct),
                (step, ct) => throw new InvalidOperationException("the parent must not resume after cancel-all")),
            TestDialogs.Waterfall(
                "inner",
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Say.Message("say stop") }, ct),
                (step, ct) => step.CancelAllDialogsAsync(ct)),
            new TextPrompt("text")));

        await adapter.SayAsync("hi");
        Assert.Empty(await adapter.SayAsync("stop"));

        Assert.Equal(DialogTurnStatus.Cancelled, adapter.LastResult!.Status);
        Assert.Empty(await adapter.StoredStackIdsAsync());
        Assert.Equal(["say stop"], await adapter.SayAsync("again"));
    }

    [Fact]
    public async Task NextAsync_StepReplacesRecordState_LaterStepsSeeTheNewObject()
    {
        var adapter = new DialogTestAdapter(TestDialogs.Waterfall(
            "only",
            (step, ct) =>
            {
                step.State = new CounterState { Count = 41 };
                return step.NextAsync(cancellationToken: ct);
            },
            async (step, ct) =>
            {
                step.State.Count++;
                await step.Context.SendActivityAsync(Say.Message($"count={step.State.Count}"), ct);
                return DialogTurnResult.Waiting;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Say.Message($"count={step.State.Count} text={step.Result.Text}"), ct);
                return await step.EndDialogAsync(cancellationToken: ct);
            }));

        Assert.Equal(["count=42"], await adapter.SayAsync("hi"));
        Assert.Equal(["count=42 text=later"], await adapter.SayAsync("later"));
    }
}

using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Tests.Engine;

public sealed class UnknownDialogTests
{
    [Fact]
    public async Task RunAsync_StoredStackNamesRetiredDialog_RestartsTheRootAndReportsTheId()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());
        await adapter.WriteStoredJsonAsync("""{"DialogState":{"dialogStack":[{"id":"triage.v1","state":{"step":3}}]}}""");

        Assert.Equal([SampleTriageDialog.AreaQuestion], await adapter.SayAsync("hi"));

        Assert.Equal("triage.v1", adapter.LastResult!.UnknownDialogId);
        Assert.Equal(DialogTurnStatus.Waiting, adapter.LastResult.Status);
        Assert.Equal(["triage"], await adapter.StoredStackIdsAsync());
    }

    [Fact]
    public async Task RunAsync_UnknownDialogInsideAComponent_IsReportedAndTheStackRestarts()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());
        await adapter.WriteStoredJsonAsync("""
            {"DialogState":{"dialogStack":[{"id":"triage","state":{},"stack":[
              {"id":"triage.steps","state":{"step":0,"values":{"area":null}}},
              {"id":"triage.oldprompt","state":{}}]}]}}
            """);

        Assert.Equal([SampleTriageDialog.AreaQuestion], await adapter.SayAsync("lower"));
        Assert.Equal("triage.oldprompt", adapter.LastResult!.UnknownDialogId);
    }

    [Fact]
    public async Task ContinueDialogAsync_UnknownActiveDialog_ReturnsUnknownStatusAndCancelAllStillClears()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync("test/conversations/c", """{"DialogState":{"dialogStack":[{"id":"gone","state":{}}]}}""", null, CancellationToken.None);
        var accessor = new ConversationState(storage).CreateProperty("DialogState", DialogJsonContext.Default.DialogState);
        var turn = new TurnContext(
            new Activity { Type = ActivityTypes.Message, Text = "hi", ChannelId = Channels.Test, Conversation = new ConversationAccount { Id = "c" } },
            new NoSender());
        var dc = await new DialogSet(accessor).Add(new SampleTriageDialog()).CreateContextAsync(turn, CancellationToken.None);

        var result = await dc.ContinueDialogAsync();

        Assert.Equal(DialogTurnStatus.UnknownDialog, result.Status);
        Assert.Equal("gone", result.UnknownDialogId);
        Assert.Equal(DialogTurnStatus.Cancelled, (await dc.CancelAllDialogsAsync()).Status);
        Assert.Empty(dc.Stack);
    }

    private sealed class NoSender : IActivitySender
    {
        public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse(null)).ToArray());

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(new ResourceResponse(null));

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}

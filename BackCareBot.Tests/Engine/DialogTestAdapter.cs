using System.Text.Json;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Tests.Engine;

/// <summary>
/// Runs one root dialog turn by turn the way the host does: a fresh turn context per message, conversation
/// state read from storage and saved after the turn, so every turn proves the stack survives as JSON.
/// </summary>
internal sealed class DialogTestAdapter
{
    public const string ConversationId = "conv-1";
    private const string StorageKey = $"{Channels.Test}/conversations/{ConversationId}";

    private readonly MiddlewareSet _middleware;
    private readonly DialogRunner _runner;

    public DialogTestAdapter(Dialog rootDialog)
    {
        var conversationState = new ConversationState(Storage);
        DialogState = conversationState.CreateProperty("DialogState", DialogJsonContext.Default.DialogState);
        _runner = new DialogRunner(rootDialog, DialogState);
        _middleware = new MiddlewareSet([new AutoSaveStateMiddleware([conversationState])]);
    }

    public MemoryStorage Storage { get; } = new();

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public DialogTurnResult? LastResult { get; private set; }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.ChannelId = Channels.Test;
        activity.ServiceUrl = "http://127.0.0.1/";
        activity.Conversation = new ConversationAccount { Id = ConversationId };
        activity.From = new ChannelAccount { Id = "user-1", Role = RoleTypes.User };
        activity.Recipient = new ChannelAccount { Id = "bot-1", Role = RoleTypes.Bot };
        var turnContext = new TurnContext(activity, new CapturingSender());
        await _middleware.RunAsync(
            turnContext,
            async (context, ct) => LastResult = await _runner.RunAsync(context, ct),
            CancellationToken.None);
        return turnContext.SentActivities;
    }

    /// <summary>Sends a message and returns the texts the bot answered with.</summary>
    public async Task<string[]> SayAsync(string text) => [.. (await SendAsync(text)).Select(a => a.Text ?? string.Empty)];

    public async Task<string?> ReadStoredJsonAsync()
    {
        var items = await Storage.ReadAsync([StorageKey], CancellationToken.None);
        return items.TryGetValue(StorageKey, out var item) ? item.Json : null;
    }

    public Task WriteStoredJsonAsync(string json) =>
        Storage.WriteAsync(StorageKey, json, StoreItem.AnyETag, CancellationToken.None);

    /// <summary>The ids on the stored root stack, bottom first.</summary>
    public async Task<string[]> StoredStackIdsAsync()
    {
        var json = await ReadStoredJsonAsync();
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("DialogState", out var state)
            ? [.. state.GetProperty("dialogStack").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)]
            : [];
    }

    private sealed class CapturingSender : IActivitySender
    {
        public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
            Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(new ResourceResponse(activity.Id));

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}

using System.Text.Json;
using BackCareBot.DirectLine;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.DirectLine;

public sealed class DirectLineConversationStoreTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ActivitySetAfter_Watermark_ReturnsOnlyLaterActivitiesWithoutTyping()
    {
        var store = Store(new DirectLineOptions());
        var conversation = store.GetOrCreate("c1", "dl_u");
        store.Append(conversation, Message("one"));
        store.Append(conversation, new Activity { Type = ActivityTypes.Typing });
        store.Append(conversation, Message("three"));

        using var set = JsonDocument.Parse(conversation.ActivitySetAfter(watermark: 1));

        var activities = set.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["three"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("c1|0000003", activities[0].GetProperty("id").GetString());
        Assert.Equal("3", set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public void Append_PastPerConversationCap_DropsOldestActivities()
    {
        var store = Store(new DirectLineOptions { MaxActivitiesPerConversation = 2 });
        var conversation = store.GetOrCreate("c1", "dl_u");
        foreach (var text in new[] { "one", "two", "three" })
        {
            store.Append(conversation, Message(text));
        }

        using var set = JsonDocument.Parse(conversation.ActivitySetAfter(watermark: 0));

        Assert.Equal(["two", "three"], set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void Append_OverMemoryBudget_DropsLeastRecentlyUsedConversation()
    {
        var store = Store(new DirectLineOptions { MaxTranscriptBytes = 1500 });
        var old = store.GetOrCreate("old", "dl_u");
        store.Append(old, Message(new string('a', 600)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var recent = store.GetOrCreate("recent", "dl_u");

        store.Append(recent, Message(new string('b', 600)));
        store.Append(recent, Message(new string('c', 600)));

        Assert.Null(store.Find("old"));
        Assert.NotNull(store.Find("recent"));
        Assert.True(store.Bytes <= 1500, $"{store.Bytes} bytes kept");
    }

    [Fact]
    public void GetOrCreate_PastConversationCap_DropsLeastRecentlyUsed()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 2 });
        store.GetOrCreate("first", "dl_u");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("second", "dl_u");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Find("first");

        store.GetOrCreate("third", "dl_u");

        Assert.Equal(2, store.Count);
        Assert.Null(store.Find("second"));
    }

    [Fact]
    public void RemoveIdle_UnusedForTokenLifetime_DropsConversationAndEndsItsStream()
    {
        var store = Store(new DirectLineOptions { TokenLifetime = TimeSpan.FromMinutes(30) });
        var idle = store.GetOrCreate("idle", "dl_u");
        var subscription = idle.Subscribe(0)!;
        _clock.Advance(TimeSpan.FromMinutes(20));
        store.GetOrCreate("active", "dl_u");
        _clock.Advance(TimeSpan.FromMinutes(11));

        var removed = store.RemoveIdle();

        Assert.Equal(1, removed);
        Assert.Null(store.Find("idle"));
        Assert.NotNull(store.Find("active"));
        Assert.True(subscription.Frames.Completion.IsCompleted);
    }

    private DirectLineConversationStore Store(DirectLineOptions options) => new(Options.Create(options), _clock);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}

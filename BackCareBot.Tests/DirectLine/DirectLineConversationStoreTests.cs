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

    [Fact]
    public void Open_EvictedByConversationCap_RevivedEmptyAlreadyStartedAndNumberedOnFromItsLastWatermark()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1 });
        var first = store.GetOrCreate("first", "dl_first");
        first.TryStart();
        store.Append(first, Message("one"));
        store.Append(first, Message("two"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("second", "dl_second");
        Assert.Null(store.Find("first"));

        var revived = store.Open("first", "dl_first");
        var appended = store.Append(revived, Message("three"));

        Assert.NotSame(first, revived);
        Assert.Equal("dl_first", revived.UserId);
        Assert.False(revived.TryStart(), "a revived conversation must not welcome its user again");
        Assert.Equal("first|0000003", appended.Id);
        using var set = JsonDocument.Parse(revived.ActivitySetAfter(watermark: 2));
        Assert.Equal(["three"], Texts(set));
        Assert.Equal("3", set.RootElement.GetProperty("watermark").GetString());
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void GetOrCreate_EvictedConversationStartedAgain_RevivedNotStartedTwice()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1 });
        var first = store.GetOrCreate("first", "dl_first");
        first.TryStart();
        store.Append(first, Message("welcome"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("second", "dl_second");

        var again = store.GetOrCreate("first", "dl_first");

        Assert.False(again.TryStart());
        Assert.Equal("first|0000002", store.Append(again, Message("hello")).Id);
    }

    [Fact]
    public void Open_EvictedByMemoryBudget_RevivedAndNumberedOn()
    {
        var store = Store(new DirectLineOptions { MaxTranscriptBytes = 1500 });
        var old = store.GetOrCreate("old", "dl_old");
        store.Append(old, Message(new string('a', 600)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var recent = store.GetOrCreate("recent", "dl_recent");
        store.Append(recent, Message(new string('b', 600)));
        store.Append(recent, Message(new string('c', 600)));
        Assert.Null(store.Find("old"));

        var revived = store.Open("old", "dl_old");
        var appended = store.Append(revived, Message("still here"));

        Assert.Equal("old|0000002", appended.Id);
        using var set = JsonDocument.Parse(revived.ActivitySetAfter(watermark: 0));
        Assert.Equal(["still here"], Texts(set));
        Assert.True(store.Bytes <= 1500, $"{store.Bytes} bytes kept");
    }

    /// <summary>The bot's reply to "I have chest pain" may be written after other people's conversations evicted this one.</summary>
    [Fact]
    public void Append_ConversationEvictedSinceTheCallerGotIt_LandsInTheRevivedConversation()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1 });
        var first = store.GetOrCreate("first", "dl_first");
        store.Append(first, Message("I have chest pain"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("second", "dl_second");

        var reply = store.Append(first, Message("Call 999 now"));

        var revived = store.Find("first");
        Assert.NotNull(revived);
        Assert.Equal("first|0000002", reply.Id);
        using var set = JsonDocument.Parse(revived.ActivitySetAfter(watermark: 1));
        Assert.Equal(["Call 999 now"], Texts(set));
    }

    [Fact]
    public void Subscribe_AfterEviction_OldStreamEndsAndTheNewOneGetsTheRevivedConversation()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1 });
        var first = store.GetOrCreate("first", "dl_first");
        store.Append(first, Message("one"));
        var before = first.Subscribe(watermark: 1)!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("second", "dl_second");

        var (revived, after) = store.Subscribe("first", "dl_first", watermark: 1);
        store.Append(revived, Message("two"));

        Assert.True(before.Frames.Completion.IsCompleted, "the evicted conversation's socket is told to close");
        Assert.True(after.Frames.TryRead(out var frame));
        using var set = JsonDocument.Parse(frame);
        Assert.Equal(["two"], Texts(set));
        Assert.Equal("first|0000002", set.RootElement.GetProperty("activities")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Open_ManyRequestsReviveAtOnce_AllGetTheOneRevivedConversation()
    {
        const int Requests = 8;
        for (var round = 0; round < 50; round++)
        {
            var store = Store(new DirectLineOptions { MaxConversations = 1 });
            store.GetOrCreate("first", "dl_first");
            store.GetOrCreate("second", "dl_second");
            var opened = new DirectLineConversation[Requests];
            using var barrier = new Barrier(Requests);
            var threads = Enumerable.Range(0, Requests).Select(i => new Thread(() =>
            {
                barrier.SignalAndWait();
                opened[i] = store.Open("first", "dl_first");
            })).ToList();

            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.Single(opened.Distinct());
            Assert.Same(opened[0], store.Find("first"));
            Assert.Equal(1, store.Count);
        }
    }

    [Fact]
    public void Evict_ManyConversations_TombstonesKeptForTheTenPerConversationMostRecentlyEvicted()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1 });
        for (var i = 0; i < 15; i++)
        {
            store.GetOrCreate($"c{i}", "dl_u");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, store.TombstoneCount);
        var recentlyEvicted = store.Open("c13", "dl_u");
        var pushedOut = store.Open("c0", "dl_u");

        Assert.Equal("c13|0000001", store.Append(recentlyEvicted, Message("numbered on")).Id);
        Assert.False(pushedOut.TryStart());
        Assert.Equal($"c0|{_clock.GetUtcNow().ToUnixTimeMilliseconds() + 1}", store.Append(pushedOut, Message("numbered from the clock")).Id);
        Assert.Equal(10, store.TombstoneCount);
    }

    [Fact]
    public void RemoveIdle_TombstoneUnusedForTokenLifetime_DroppedAndARecentOneKept()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 1, TokenLifetime = TimeSpan.FromMinutes(30) });
        store.GetOrCreate("idle", "dl_u");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("recent", "dl_u");
        _clock.Advance(TimeSpan.FromMinutes(20));
        store.Find("recent");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("active", "dl_u");
        Assert.Equal(2, store.TombstoneCount);
        _clock.Advance(TimeSpan.FromMinutes(11));

        var removed = store.RemoveIdle();

        Assert.Equal(0, removed);
        Assert.Equal(1, store.TombstoneCount);
        Assert.Equal("recent|0000001", store.Append(store.Open("recent", "dl_u"), Message("numbered on")).Id);
    }

    /// <summary>A host restarted with the same signing key has no trace of a conversation its tokens still open.</summary>
    [Fact]
    public void Open_ConversationThisHostNeverHad_StartedAndNumberedAboveAnyEarlierRun()
    {
        var store = Store(new DirectLineOptions());

        var conversation = store.Open("from-before-restart", "dl_u");

        Assert.False(conversation.TryStart());
        Assert.Equal("dl_u", conversation.UserId);
        Assert.Equal($"from-before-restart|{_clock.GetUtcNow().ToUnixTimeMilliseconds() + 1}", store.Append(conversation, Message("hello")).Id);
    }

    private DirectLineConversationStore Store(DirectLineOptions options) => new(Options.Create(options), _clock);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static List<string?> Texts(JsonDocument set) =>
        [.. set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString())];
}

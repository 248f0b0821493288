using BackCareBot.FollowUps;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Storage;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.FollowUps;

public sealed class FollowUpStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task ClaimDue_SomeDue_ReturnsOnlyThoseAndNeverTwice()
    {
        var store = new FollowUpStore(_storage);
        await store.SaveAsync(Record("a", Now.AddMinutes(-1)), CancellationToken.None);
        await store.SaveAsync(Record("b", Now.AddHours(1)), CancellationToken.None);

        var first = await store.ClaimDueAsync(Now, CancellationToken.None);
        var second = await store.ClaimDueAsync(Now, CancellationToken.None);

        Assert.Equal("a", Assert.Single(first).Conversation.Conversation?.Id);
        Assert.Empty(second);
        Assert.Equal("b", Assert.Single(await store.ClaimDueAsync(Now.AddHours(2), CancellationToken.None)).Conversation.Conversation?.Id);
    }

    [Fact]
    public async Task ClaimDue_TwoStoresRaceOnOneIndex_EachCheckInClaimedOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new FollowUpStore(_storage)).ToList();
        foreach (var id in Enumerable.Range(0, 20))
        {
            await stores[0].SaveAsync(Record($"c{id}", Now.AddMinutes(-id)), CancellationToken.None);
        }

        var claims = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ClaimDueAsync(Now, CancellationToken.None))));

        var ids = claims.SelectMany(c => c).Select(r => r.Conversation.Conversation?.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public async Task Save_SameConversationTwice_OneIndexEntryWithTheLatestDueTime()
    {
        var store = new FollowUpStore(_storage);
        await store.SaveAsync(Record("a", Now.AddHours(1)), CancellationToken.None);
        await store.SaveAsync(Record("a", Now.AddHours(3)), CancellationToken.None);

        Assert.Empty(await store.ClaimDueAsync(Now.AddHours(2), CancellationToken.None));
        Assert.Single(await store.ClaimDueAsync(Now.AddHours(3), CancellationToken.None));
    }

    [Fact]
    public async Task Delete_Pending_RemovedFromIndexAndStore()
    {
        var store = new FollowUpStore(_storage);
        var record = Record("a", Now);
        await store.SaveAsync(record, CancellationToken.None);

        await store.DeleteAsync(record.Conversation, CancellationToken.None);

        Assert.Null(await store.FindAsync(record.Conversation, CancellationToken.None));
        Assert.Empty(await store.ClaimDueAsync(Now.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public void Minimal_FullReference_KeepsIdsAndAddressOnly()
    {
        var minimal = FollowUpRecord.Minimal(new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = "https://smba.trafficmanager.net/teams/",
            ActivityId = "1234",
            User = new ChannelAccount { Id = "29:user", Name = "Alex Example", AadObjectId = "aad" },
            Bot = new ChannelAccount { Id = "28:bot", Name = "BackCareBot" },
            Conversation = new ConversationAccount { Id = "a:conv", Name = "Alex's chat", ConversationType = "personal", TenantId = "tenant" },
        });

        Assert.Equal("29:user", minimal.User?.Id);
        Assert.Null(minimal.User?.Name);
        Assert.Null(minimal.User?.AadObjectId);
        Assert.Null(minimal.Conversation?.Name);
        Assert.Null(minimal.ActivityId);
        Assert.Equal("tenant", minimal.Conversation?.TenantId);
        Assert.Equal("https://smba.trafficmanager.net/teams/", minimal.ServiceUrl);
    }

    [Theory]
    [InlineData("7.00:00:00", 7, false)]
    [InlineData("6.00:00:00", 7, true)]
    [InlineData("00:00:10", 7, false)]
    [InlineData("2.00:00:00", 1, false)]
    public void Validate_DelayAgainstRetention(string delay, int retentionDays, bool valid)
    {
        var validator = new FollowUpOptionsValidator(Options.Create(new StorageOptions { RetentionDays = retentionDays }));

        var result = validator.Validate(null, new FollowUpOptions { Delay = TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }

    private static FollowUpRecord Record(string conversationId, DateTimeOffset due) => new(
        new ConversationReference { ChannelId = Channels.MsTeams, ServiceUrl = "https://example.invalid/", Conversation = new ConversationAccount { Id = conversationId } },
        due);
}

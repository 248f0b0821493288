using BackCareBot.FollowUps;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Teams;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.FollowUps;

/// <summary>The check-in after a triage, through the real host: consent, schedule, restart, send, cancel.</summary>
public sealed class FollowUpConversationTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"backcarebot-followups-{Guid.NewGuid():N}");

    [Fact]
    public async Task Consent_HostRestartsAfterDelay_CheckInSentThroughConnectorAndRecordRemoved()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var clock = FollowUpTestHost.Clock();
        var start = clock.Now;
        TeamsChat chat;
        using (var factory = SqliteFactory())
        await using (var first = FollowUpTestHost.Create(factory, clock))
        {
            chat = new TeamsChat(first.CreateClient(), serviceUrl: connector.BaseUrl + "/");
            var outcome = await FollowUpTestHost.RunTriageAsync(chat);
            Assert.True(outcome.Messages().Last().Shows("followUpOffer"), outcome.Texts());

            var answer = await chat.SayAsync("Yes please");

            Assert.True(answer.Messages().Single().Says("followUpScheduled"), answer.Texts());
            var record = await FollowUpTestHost.Store(first).FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal(start + TimeSpan.FromHours(48), record.DueAt);
            Assert.Equal(connector.BaseUrl + "/", record.Conversation.ServiceUrl);
            Assert.Null(record.Conversation.User?.Name);
        }

        Assert.Empty(connector.Requests);
        clock.Now = start + TimeSpan.FromHours(49);
        using var restartedFactory = SqliteFactory().With("FollowUp:PollInterval", "00:00:00.05");
        await using var restarted = FollowUpTestHost.Create(restartedFactory, clock);
        restarted.CreateClient().Dispose();

        var requests = await FollowUpTestHost.EventuallyAsync(() => Task.FromResult(connector.Requests), r => r.Count > 0);
        var request = Assert.Single(requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(chat.ConversationId)}/activities", request.RawTarget);
        var checkIn = BotJson.Deserialize(request.Body)!;
        Assert.Equal(TriageScript.Content.Message("followUpCheckIn").Text, checkIn.Text);
        Assert.Equal(chat.UserId, checkIn.Recipient?.Id);
        Assert.Equal(TeamsChat.BotId, checkIn.From?.Id);
        Assert.Null(checkIn.ReplyToId);
        await FollowUpTestHost.EventuallyAsync(
            () => FollowUpTestHost.Store(restarted).FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None),
            record => record is null);
        await Task.Delay(200);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task Consent_BeforeDelay_NothingSent()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var clock = FollowUpTestHost.Clock();
        using var factory = SqliteFactory().With("FollowUp:PollInterval", "00:00:00.05");
        await using var host = FollowUpTestHost.Create(factory, clock);
        var chat = new TeamsChat(host.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await FollowUpTestHost.RunTriageAsync(chat);
        await chat.SayAsync("Yes please");

        clock.Now += TimeSpan.FromHours(47);
        await Task.Delay(300);

        Assert.Empty(connector.Requests);
        Assert.NotNull(await FollowUpTestHost.Store(host).FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None));
    }

    [Fact]
    public async Task ForgetMe_AfterConsent_CancelsCheckIn()
    {
        using var factory = new BotApplicationFactory();
        var chat = new TeamsChat(factory.CreateClient());
        await FollowUpTestHost.RunTriageAsync(chat);
        await chat.SayAsync("Yes please");
        var store = factory.Services.GetRequiredService<FollowUpStore>();
        Assert.NotNull(await store.FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None));

        await chat.SayAsync("forget me");
        var forgotten = await chat.SayAsync("Yes, delete it");

        Assert.Contains(forgotten.Messages(), m => m.Says("forgotten"));
        Assert.Null(await store.FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None));
        var index = await factory.Services.GetRequiredService<IStorage>().ReadAsync([FollowUpStore.IndexKey], CancellationToken.None);
        Assert.DoesNotContain(FollowUpStore.KeyFor(FollowUpTestHost.Reference(chat)), index[FollowUpStore.IndexKey].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_Declined_NothingScheduled()
    {
        using var factory = new BotApplicationFactory();
        var chat = new TeamsChat(factory.CreateClient());
        await FollowUpTestHost.RunTriageAsync(chat);

        var answer = await chat.SayAsync("No thanks");

        Assert.True(answer.Messages().Single().Says("followUpDeclined"), answer.Texts());
        Assert.Null(await factory.Services.GetRequiredService<FollowUpStore>().FindAsync(FollowUpTestHost.Reference(chat), CancellationToken.None));
    }

    [Fact]
    public async Task SwitchedOff_TriageEnds_NoOffer()
    {
        using var factory = new BotApplicationFactory().With("FollowUp:Enabled", "false");
        var chat = new TeamsChat(factory.CreateClient());

        var outcome = await FollowUpTestHost.RunTriageAsync(chat);

        Assert.True(outcome.Messages().First().Says("selfcare"), outcome.Texts());
        Assert.DoesNotContain(outcome.Messages(), m => m.Shows("followUpOffer"));
        Assert.True(outcome.Messages().Last().Says("afterOutcome"), outcome.Texts());
    }

    [Fact]
    public async Task Emergency_Outcome_NoOffer()
    {
        using var factory = new BotApplicationFactory();
        var chat = new TeamsChat(factory.CreateClient());
        await chat.SayAsync("hi");

        var replies = await chat.SayAsync("I can't control my bladder");

        Assert.True(replies.Messages().First().Says("emergency"), replies.Texts());
        Assert.DoesNotContain(replies.Messages(), m => m.Shows("followUpOffer"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private BotApplicationFactory SqliteFactory() => new BotApplicationFactory()
        .With("Storage:Provider", "Sqlite")
        .With("Storage:DataDirectory", _dataDirectory);
}

using System.Net;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Storage;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackCareBot.Tests.Faults;

/// <summary>
/// The PostgreSQL server stops mid-conversation and comes back, under the real host. The class has a server
/// of its own, as stopping the shared one would fail the other Postgres tests.
/// </summary>
public sealed class PostgresOutageTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private BotApplicationFactory _factory = null!;
    private HttpClient _client = null!;
    private BotConversation _chat = null!;

    private IStorage Storage => _factory.Services.GetRequiredService<IStorage>();

    public async Task InitializeAsync()
    {
        // Short connect and command timeouts keep every attempt, and so the apology, within seconds.
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Timeout = 2, CommandTimeout = 2 }.ConnectionString;
        _factory = new BotApplicationFactory()
            .With("Storage:Provider", "Postgres")
            .With("Storage:ConnectionString", connectionString)
            .With("Storage:Postgres:TableName", "outage_" + Guid.NewGuid().ToString("N"));
        _client = _factory.CreateClient();
        _chat = new BotConversation(_client);
        await _chat.StartAsync();
        await _chat.SayAsync("3 days ago");
        var asked = await _chat.SayAsync("suddenly");
        Assert.True(asked.Messages().Last().Says("askLocation"), asked.Texts());
    }

    public async Task DisposeAsync()
    {
        await server.EnsureRunningAsync();
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Say_ServerStopped_ApologyWithEmergencyNumberAndUnhealthy()
    {
        await server.StopAsync();

        var replies = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();

        var reply = Assert.Single(replies);
        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Bounded.HealthAsync(_client));
    }

    [Fact]
    public async Task ReadAsync_ServerStopped_ThrowsStorageUnavailable()
    {
        await server.StopAsync();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => Storage.ReadAsync([StoredConversation.Key(_chat.ConversationId)], CancellationToken.None).WaitAsync(Bounded.TurnLimit));

        Assert.IsAssignableFrom<NpgsqlException>(failure.InnerException);
    }

    [Fact]
    public async Task Say_RedFlagWhileServerStopped_EmergencyAdvice()
    {
        await server.StopAsync();

        var replies = (await Bounded.Within(_chat.SayAsync("I've wet myself"))).Messages().ToList();

        Assert.True(replies[0].Says("emergency"), replies.Texts());
        Assert.Contains("999", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Says("turnError"));
    }

    [Fact]
    public async Task Say_ServerStartedAgain_HostRecoversAndConversationContinuesAtTheSameStep()
    {
        var before = await StoredConversation.ReadIntactAsync(Storage, _chat.ConversationId);
        await server.StopAsync();
        await Bounded.Within(_chat.SayAsync("lower back"));
        await Bounded.Within(_chat.SayAsync("I'm not sure"));

        await server.StartAsync();
        await Bounded.WaitForHealthAsync(_client, HttpStatusCode.OK);

        var after = await StoredConversation.ReadIntactAsync(Storage, _chat.ConversationId);
        Assert.Equal(before, after);
        var known = (await Bounded.Within(_chat.SayAsync("what do you know about me"))).Messages().ToList();
        Assert.True(known[0].Says("whatIKnow"), known.Texts());
        Assert.Contains("3 days", known[0].Text, StringComparison.Ordinal);
        var next = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();
        Assert.True(next[^1].Says("askSeverity"), next.Texts());
    }
}

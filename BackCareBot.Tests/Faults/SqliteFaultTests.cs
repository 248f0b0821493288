using System.Net;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Faults;

/// <summary>The SQLite file is locked by another writer, or its disk is full, mid-conversation under the real host.</summary>
public sealed class SqliteFaultTests : IAsyncLifetime
{
    private SqliteFaultHost _host = null!;
    private BotConversation _chat = null!;

    public async Task InitializeAsync()
    {
        _host = new SqliteFaultHost();
        _chat = new BotConversation(_host.Client);
        await _chat.StartAsync();
        await _chat.SayAsync("3 days ago");
        var asked = await _chat.SayAsync("suddenly");
        Assert.True(asked.Messages().Last().Says("askLocation"), asked.Texts());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Say_FileLockedByAnotherWriter_ApologyWithEmergencyNumber()
    {
        using var other = _host.OpenSeparateConnection();
        Execute(other, "BEGIN EXCLUSIVE");

        var replies = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();

        var reply = Assert.Single(replies);
        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_LockReleased_ConversationContinuesWhereItWas()
    {
        var before = await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId);
        using (var other = _host.OpenSeparateConnection())
        {
            Execute(other, "BEGIN EXCLUSIVE");
            await Bounded.Within(_chat.SayAsync("lower back"));
            Execute(other, "ROLLBACK");
        }

        Assert.Equal(before, await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId));
        await AssertContinuesAtLocationAsync();
    }

    [Fact]
    public async Task Say_DiskFull_ApologyWithEmergencyNumberAndConversationKept()
    {
        var before = await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId);
        _host.FillDisk();

        var replies = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();

        var reply = Assert.Single(replies);
        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId));
    }

    [Fact]
    public async Task Say_DiskFreedAgain_ConversationContinuesAndFileIsIntact()
    {
        _host.FillDisk();
        await Bounded.Within(_chat.SayAsync("lower back"));
        await Bounded.Within(_chat.SayAsync("lower back"));

        _host.FreeDisk();

        Assert.Equal(HttpStatusCode.OK, await Bounded.HealthAsync(_host.Client));
        await AssertContinuesAtLocationAsync();
        using var check = _host.OpenSeparateConnection();
        using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Say_DiskHasRoomAgainRightAfterTheFailedWrite_ConversationIsNotReset()
    {
        var before = await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId);
        _host.FillDiskForOneFailedWrite();

        var replies = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();

        Assert.True(Assert.Single(replies).Says("turnError"), replies.Texts());
        Assert.Equal(before, await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId));
        await AssertContinuesAtLocationAsync();
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task AssertContinuesAtLocationAsync()
    {
        var known = (await Bounded.Within(_chat.SayAsync("what do you know about me"))).Messages().ToList();
        Assert.True(known[0].Says("whatIKnow"), known.Texts());
        Assert.Contains("3 days", known[0].Text, StringComparison.Ordinal);
        var next = (await Bounded.Within(_chat.SayAsync("lower back"))).Messages().ToList();
        Assert.True(next[^1].Says("askSeverity"), next.Texts());
        await StoredConversation.ReadIntactAsync(_host.Storage, _chat.ConversationId);
    }
}

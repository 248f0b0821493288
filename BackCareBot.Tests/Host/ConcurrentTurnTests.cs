using System.Net;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>Many messages of one conversation at once: one turn at a time, none lost, replies kept apart.</summary>
public sealed class ConcurrentTurnTests : IAsyncLifetime
{
    private const int Concurrent = 20;

    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services =>
            services.AddSingleton<IMiddleware>(sp => new TurnCounter(sp.GetRequiredService<ConversationState>(), TimeSpan.FromMilliseconds(20))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_TwentyTurnsOfOneConversationAtOnce_AllAnsweredNoneLostRepliesNotInterleaved()
    {
        using var client = _factory.CreateClient();
        var chat = new BotConversation(client);
        await chat.StartAsync();
        var messages = Enumerable.Range(1, Concurrent).Select(i =>
        {
            var message = MessagesRequests.Message(chat.ConversationId, "what do you know about me");
            message.From = new ChannelAccount { Id = chat.UserId };
            message.DeliveryMode = DeliveryModes.ExpectReplies;
            return message;
        }).ToList();

        var responses = await Task.WhenAll(messages.Select(message => client.PostActivityAsync(message)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        for (var i = 0; i < Concurrent; i++)
        {
            var replies = await responses[i].ReadRepliesAsync();
            Assert.True(replies.Messages().First() is var first && (first.Says("whatIKnow") || first.Says("whatIKnowNothing")), replies.Texts());
            Assert.All(replies, reply => Assert.Equal(messages[i].Id, reply.ReplyToId));
            responses[i].Dispose();
        }

        var storage = _factory.Services.GetRequiredService<IStorage>();
        Assert.Equal(Concurrent + 1, await TurnCounter.CountAsync(storage, Channels.Test, chat.ConversationId));
        var next = (await chat.SayAsync("3 days ago")).Messages().ToList();
        Assert.True(next[^1].Says("askOnsetHow"), next.Texts());
    }
}

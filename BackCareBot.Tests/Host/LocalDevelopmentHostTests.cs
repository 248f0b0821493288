using System.Net;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>With no app id the host is for a developer's own machine: loopback callers only, and no callerId.</summary>
public sealed class LocalDevelopmentHostTests : IAsyncLifetime
{
    private readonly CallerIdRecorder _callerIds = new();
    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services => services.AddSingleton<IMiddleware>(_callerIds));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_NonLoopbackCaller_401AndTurnNotRun()
    {
        _factory.RemoteAddress = IPAddress.Parse("203.0.113.7");
        using var client = _factory.CreateClient();
        var message = Expecting(MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello"));

        using var response = await client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(_callerIds.TryGetSeen(message.Conversation!.Id!, out _));
        var key = StorageKeys.Conversation(message.ChannelId, message.Conversation.Id)!;
        Assert.Empty(await _factory.Services.GetRequiredService<IStorage>().ReadAsync([key], CancellationToken.None));
    }

    [Fact]
    public async Task Post_LoopbackCallerClaimingACallerId_BotSeesNone()
    {
        using var client = _factory.CreateClient();
        var message = Expecting(MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello"));
        message.CallerId = "urn:evil";

        using var response = await client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_callerIds.TryGetSeen(message.Conversation!.Id!, out var seen));
        Assert.Null(seen);
    }

    private static Activity Expecting(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }
}

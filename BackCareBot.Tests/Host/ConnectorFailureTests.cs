using System.Net;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Host;

/// <summary>
/// When the channel's connector will not take the replies, even after retries, the host gives up cleanly:
/// one log line, a 502 the channel can act on, and a conversation that carries on with the next message.
/// </summary>
public sealed class ConnectorFailureTests : IAsyncLifetime
{
    private const int MaxAttempts = 3;

    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _conversationId = $"conv-{Guid.NewGuid():N}";
    private RecordingConnectorServer _connector = null!;
    private BotApplicationFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _factory = new BotApplicationFactory()
            .With("Connector:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Connector:BaseDelay", "00:00:00.010")
            .With("Connector:MaxDelay", "00:00:00.050")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Message_ConnectorAnswers503EveryAttempt_502ProblemDetailsAndOneLogLine()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < MaxAttempts; i++)
        {
            _connector.Respond(HttpStatusCode.ServiceUnavailable);
        }

        using var response = await client.PostActivityAsync(Join());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await OversizedBodyTests.AssertProblemAsync(response);
        Assert.Equal(MaxAttempts, _connector.Requests.Count);
        var line = Assert.Single(_logs.Entries, entry => entry.Category == "MessagesEndpoint");
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("503", line.Message, StringComparison.Ordinal);
        Assert.Contains($"{MaxAttempts} attempt", line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
        Assert.False(line.Mentions(_conversationId));
    }

    [Fact]
    public async Task Message_AfterDeliveryFailed_NextTurnCarriesOnFromSavedState()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < MaxAttempts; i++)
        {
            _connector.Respond(HttpStatusCode.ServiceUnavailable);
        }

        using var failed = await client.PostActivityAsync(Join());
        using var next = await client.PostActivityAsync(MessagesRequests.Message(_conversationId, "3 days ago", Channels.Test, _connector.BaseUrl));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var delivered = _connector.Requests.Skip(MaxAttempts).Select(request => BotJson.Deserialize(request.Body)!).Messages().ToList();
        Assert.True(delivered[^1].Says("askOnsetHow"), delivered.Texts());
        Assert.DoesNotContain(delivered, reply => reply.Says("welcome") || reply.Says("turnError"));
    }

    [Fact]
    public async Task Message_Connector429WithRetryAfterThenAccepts_Delivered200()
    {
        using var client = _factory.CreateClient();
        _connector.Respond(HttpStatusCode.TooManyRequests, headers: headers => headers.RetryAfter = "1");

        using var response = await client.PostActivityAsync(Join());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = _connector.Requests;
        Assert.Equal(requests[0].Body, requests[1].Body);
        var delivered = requests.Skip(1).Select(request => BotJson.Deserialize(request.Body)!).Messages().ToList();
        Assert.True(delivered[0].Says("welcome"), delivered.Texts());
        Assert.True(delivered[^1].Says("askOnsetWhen"), delivered.Texts());
        Assert.DoesNotContain(_logs.Entries, entry => entry.Category == "MessagesEndpoint");
    }

    private Activity Join()
    {
        var join = MessagesRequests.Message(_conversationId, text: null, Channels.Test, _connector.BaseUrl);
        join.Type = ActivityTypes.ConversationUpdate;
        join.MembersAdded = [new ChannelAccount { Id = "user-1" }];
        return join;
    }
}

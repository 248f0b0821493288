using System.Net;
using System.Text.Json;
using BackCareBot.Configuration;
using BackCareBot.Connector;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace BackCareBot.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=123";
    private const string TeamsActivityId = "1:xyz";
    private const string EscapedTeamsConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();
    private readonly InstantTimeProvider _time = new(Now, horizon: TimeSpan.FromMinutes(5));
    private readonly ListLogger<ConnectorClient> _logger = new();
    private RecordingConnectorServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ReplyToActivityAsync_TeamsIds_PostsToEscapedActivityPath()
    {
        var client = CreateClient();

        var response = await client.ReplyToActivityAsync(_server.BaseUrl, TeamsConversationId, TeamsActivityId, Message("hello"), default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedTeamsConversationId}/activities/1%3Axyz", request.RawTarget);
        Assert.Equal("server-1", response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_ActivityWithId_PostsToActivitiesWithoutIdInBody()
    {
        var client = CreateClient();
        var activity = Message("hello");
        activity.Id = "old-id";

        await client.SendToConversationAsync(_server.BaseUrl, TeamsConversationId, activity, default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedTeamsConversationId}/activities", request.RawTarget);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("id", out _));
        Assert.Equal("hello", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("old-id", activity.Id);
    }

    [Theory]
    [InlineData("", "/v3/conversations/c1/activities")]
    [InlineData("/", "/v3/conversations/c1/activities")]
    [InlineData("/teams", "/teams/v3/conversations/c1/activities")]
    [InlineData("/teams/", "/teams/v3/conversations/c1/activities")]
    public async Task SendToConversationAsync_ServiceUrlShapes_JoinsWithSingleSlash(string suffix, string expectedTarget)
    {
        var client = CreateClient();

        await client.SendToConversationAsync(_server.BaseUrl + suffix, "c1", Message("hi"), default);

        Assert.Equal(expectedTarget, Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenProvider_SendsBearerHeader()
    {
        var tokens = new FakeBotTokenProvider("token-abc");
        var client = CreateClient(tokens: tokens, identity: new BotIdentityOptions { MicrosoftAppId = "app" });

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal("Bearer token-abc", Assert.Single(_server.Requests).Authorization);
        Assert.Equal(1, tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_LocalDevelopment_SendsNoAuthorizationHeader()
    {
        var client = CreateClient(tokens: new NullBotTokenProvider());

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, headers: h => h.RetryAfter = "7");
        var client = CreateClient();

        var response = await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("server-2", response.Id);
        Assert.Equal([TimeSpan.FromSeconds(7)], _time.FiredDelays);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterDate_WaitsUntilThatTime()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, headers: h => h.RetryAfter = Now.AddSeconds(20).ToString("R"));
        var client = CreateClient();

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(20)], _time.FiredDelays);
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterBeyondMaxDelay_WaitsOnlyMaxDelay()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, headers: h => h.RetryAfter = "3600");
        var client = CreateClient(options: RetryOptions(maxDelay: TimeSpan.FromSeconds(45)));

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal([TimeSpan.FromSeconds(45)], _time.FiredDelays);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task SendToConversationAsync_TransientStatus_RetriesThenSucceeds(HttpStatusCode status)
    {
        _server.Respond(status);
        _server.Respond(status, "{\"error\":{\"code\":\"x\"}}");
        var client = CreateClient();

        var response = await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("server-3", response.Id);
        Assert.Equal(2, _time.FiredDelays.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_NoRetryAfter_BacksOffWithinMaxDelay()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Respond(HttpStatusCode.ServiceUnavailable);
        }

        var client = CreateClient(options: RetryOptions(maxAttempts: 5, baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(3)));

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Equal(4, _time.FiredDelays.Count);
        Assert.All(_time.FiredDelays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task SendToConversationAsync_AlwaysUnavailable_GivesUpAfterMaxAttempts()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Respond(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"message\":\"secret body\"}}");
        }

        var client = CreateClient(options: RetryOptions(maxAttempts: 3));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(_server.BaseUrl, TeamsConversationId, Message("private words"), default));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.DoesNotContain("secret body", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19:abc", error.Message, StringComparison.Ordinal);
        var failure = Assert.Single(_logger.Lines);
        Assert.Contains("503", failure, StringComparison.Ordinal);
        Assert.Contains("3 attempt", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("19:abc", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("private words", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task SendToConversationAsync_NonTransientStatus_FailsWithoutRetry(HttpStatusCode status)
    {
        _server.Respond(status);
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default));

        Assert.Single(_server.Requests);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Empty(_time.FiredDelays);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectionRefused_RetriesThenGivesUpWithoutStatus()
    {
        var deadUrl = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await RecordingConnectorServer.StartAsync();
        var client = CreateClient(options: RetryOptions(maxAttempts: 3));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(deadUrl, "c1", Message("hi"), default));

        Assert.Null(error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, _time.FiredDelays.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_AttemptTimesOut_RetriesThenGivesUp()
    {
        _server.Hang();
        _server.Hang();
        var client = CreateClient(options: RetryOptions(maxAttempts: 2, timeout: TimeSpan.FromSeconds(2)));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default));

        Assert.Null(error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.IsType<TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task SendToConversationAsync_CallerCancels_StopsWithoutRetryOrConnectorException()
    {
        _server.Hang();
        var client = CreateClient();
        using var cancellation = new CancellationTokenSource();

        var sending = client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), cancellation.Token);
        while (_server.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(_server.Requests);
        Assert.Empty(_time.FiredDelays);
    }

    [Fact]
    public async Task UpdateActivityAsync_TeamsIds_PutsActivityWithItsId()
    {
        var client = CreateClient();
        var activity = Message("edited");
        activity.Id = TeamsActivityId;

        var response = await client.UpdateActivityAsync(_server.BaseUrl, TeamsConversationId, TeamsActivityId, activity, default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedTeamsConversationId}/activities/1%3Axyz", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(TeamsActivityId, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("edited", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("server-1", response.Id);
    }

    [Fact]
    public async Task DeleteActivityAsync_TeamsIds_SendsDeleteWithoutBody()
    {
        _server.Respond(HttpStatusCode.OK);
        var client = CreateClient(tokens: new FakeBotTokenProvider("t"), identity: new BotIdentityOptions { MicrosoftAppId = "app" });

        await client.DeleteActivityAsync(_server.BaseUrl, TeamsConversationId, TeamsActivityId, default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedTeamsConversationId}/activities/1%3Axyz", request.RawTarget);
        Assert.Equal("Bearer t", request.Authorization);
        Assert.Empty(request.Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.Created, "  ")]
    [InlineData(HttpStatusCode.Accepted, "{}")]
    public async Task ReplyToActivityAsync_SuccessWithoutId_ReturnsNullId(HttpStatusCode status, string? body)
    {
        _server.Respond(status, body);
        var client = CreateClient();

        var response = await client.ReplyToActivityAsync(_server.BaseUrl, "c1", "a1", Message("hi"), default);

        Assert.Null(response.Id);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task SendToConversationAsync_NonHttpServiceUrl_RefusedWithoutRequest(string serviceUrl)
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(serviceUrl, "c1", Message("hi"), default));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_LoopbackHttpOutsideLocalDevelopment_IsAllowed()
    {
        var client = CreateClient(tokens: new FakeBotTokenProvider("t"), identity: new BotIdentityOptions { MicrosoftAppId = "app" });

        await client.SendToConversationAsync(_server.BaseUrl, "c1", Message("hi"), default);

        Assert.Single(_server.Requests);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static ConnectorOptions RetryOptions(int maxAttempts = 5, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, TimeSpan? timeout = null) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = baseDelay ?? TimeSpan.FromSeconds(1),
        MaxDelay = maxDelay ?? TimeSpan.FromMinutes(1),

        // Beyond the instant clock's horizon, so it never fires unless a test asks for a short one.
        Timeout = timeout ?? TimeSpan.FromMinutes(10),
    };

    private ConnectorClient CreateClient(IBotTokenProvider? tokens = null, ConnectorOptions? options = null, BotIdentityOptions? identity = null)
    {
        var pipeline = new ConnectorResiliencePipeline(
            Options.Create(options ?? RetryOptions()),
            _time,
            NullLogger<ConnectorResiliencePipeline>.Instance);
        return new ConnectorClient(
            _http,
            tokens ?? new NullBotTokenProvider(),
            pipeline,
            Options.Create(identity ?? new BotIdentityOptions()),
            _logger);
    }
}

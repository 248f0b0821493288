using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BackCareBot.DirectLine;
using BackCareBot.Protocol.Builder;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.DirectLine;

/// <summary>
/// A conversation whose transcript was dropped to protect memory, because too many conversations or too many bytes
/// were kept, is still the person's conversation: with its token they post, read, reconnect and stream as before, the
/// bot answers, the numbering carries on from their watermark and they are not welcomed twice.
/// </summary>
public sealed class DirectLineEvictionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _clock = new(Start);

    // Either limit at its smallest: starting a second conversation drops the first one's transcript.
    public static TheoryData<string, string> Limits() => new()
    {
        { "DirectLine:MaxConversations", "1" },
        { "DirectLine:MaxTranscriptBytes", "1" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Post_ConversationEvicted_AcceptedAndTheRedFlagAnswered(string limit, string value)
    {
        using var host = new DirectLineHost(_clock).With(limit, value);
        var a = await host.StartAsync();
        await host.PostAsync(a, "my lower back hurts");
        var (_, watermark) = await host.ActivitiesAsync(a, watermark: 0);
        await host.StartAsync();
        Assert.Null(host.Store.Find(a.ConversationId));

        await host.PostAsync(a, "I have chest pain");

        var (activities, _) = await host.ActivitiesAsync(a, watermark);
        Assert.Equal("I have chest pain", activities[0].GetProperty("text").GetString());
        Assert.Contains(activities, IsEmergencyAdvice);
    }

    /// <summary>Replies are written once the turn is over; meanwhile other people's conversations may have evicted this one.</summary>
    [Fact]
    public async Task Post_ConversationEvictedDuringItsTurn_TheEmergencyAdviceStillDelivered()
    {
        OthersStartingDuringTheTurn? others = null;
        using var host = new DirectLineHost(_clock)
            .With("DirectLine:MaxConversations", "1")
            .WithServices(services => services.AddSingleton<IMiddleware>(
                provider => others = new OthersStartingDuringTheTurn(provider.GetRequiredService<DirectLineConversationStore>())));
        var a = await host.StartAsync();
        await host.PostAsync(a, "my lower back hurts");
        var (_, watermark) = await host.ActivitiesAsync(a, watermark: 0);

        await host.PostAsync(a, "I have chest pain");

        var (activities, _) = await host.ActivitiesAsync(a, watermark);
        Assert.True(others?.Evicted, "the conversation was evicted during its turn");
        Assert.Contains(activities, IsEmergencyAdvice);
    }

    [Fact]
    public async Task Reconnect_ConversationEvicted_ResumesFromTheClientsWatermarkWithoutReusingAnyActivityId()
    {
        using var host = new DirectLineHost(_clock).With("DirectLine:MaxConversations", "1");
        var a = await host.StartAsync();
        await host.PostAsync(a, "my lower back hurts");
        var (before, watermark) = await host.ActivitiesAsync(a, watermark: 0);
        await host.StartAsync();

        using var reconnect = await host.SendAsync(HttpMethod.Get, $"conversations/{a.ConversationId}?watermark={watermark}", a.Token);
        var (nothingYet, unchanged) = await host.ActivitiesAsync(a, watermark);
        await host.PostAsync(a, "about 4 out of 10");
        var (after, next) = await host.ActivitiesAsync(a, watermark);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var streamUrl = (await ConversationAsync(reconnect)).StreamUrl;
        Assert.Contains($"watermark={watermark}", streamUrl, StringComparison.Ordinal);
        Assert.Empty(nothingYet);
        Assert.Equal(watermark, unchanged);
        Assert.Equal("about 4 out of 10", after[0].GetProperty("text").GetString());
        Assert.Contains(after, activity => activity.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.All(after, activity => Assert.True(Sequence(activity) > watermark, $"{Id(activity)} is not after watermark {watermark}"));
        Assert.Empty(after.Select(Id).Intersect(before.Select(Id)));
        Assert.True(next > watermark);
    }

    [Fact]
    public async Task StartAgain_ConversationEvicted_RevivedWithoutASecondStart()
    {
        using var host = new DirectLineHost(_clock).With("DirectLine:MaxConversations", "1");
        var a = await host.StartAsync();
        var (_, watermark) = await host.ActivitiesAsync(a, watermark: 0);
        await host.StartAsync();

        using var again = await host.SendAsync(HttpMethod.Post, "conversations", a.Token);
        var (activities, unchanged) = await host.ActivitiesAsync(a, watermark: 0);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(activities);
        Assert.Equal(watermark, unchanged);
    }

    [Fact]
    public async Task Stream_ConversationEvicted_SocketClosedAndTheReconnectedSocketGetsTheAnswer()
    {
        using var host = new DirectLineHost(_clock).With("DirectLine:MaxConversations", "1");
        var a = await host.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        using var first = await host.ConnectAsync(a.StreamUrl!, timeout.Token);
        await host.StartAsync();

        var watermark = await ReadUntilClosedAsync(first, timeout.Token);
        using var reconnect = await host.SendAsync(HttpMethod.Get, $"conversations/{a.ConversationId}?watermark={watermark}", a.Token);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        using var second = await host.ConnectAsync((await ConversationAsync(reconnect)).StreamUrl!, timeout.Token);
        await host.PostAsync(a, "I have chest pain");

        var streamed = await ReadUntilAsync(second, activities => activities.Any(IsEmergencyAdvice), timeout.Token);
        Assert.Equal("I have chest pain", streamed[0].GetProperty("text").GetString());
        Assert.All(streamed, activity => Assert.True(Sequence(activity) > watermark, $"{Id(activity)} is not after watermark {watermark}"));
    }

    /// <summary>The store is in memory and the triage progress is not: a token signed with the same key still opens the conversation.</summary>
    [Fact]
    public async Task Post_HostRestartedWithTheSameSigningKey_AcceptedAndNoActivityIdReused()
    {
        Conversation a;
        List<JsonElement> before;
        using (var first = new DirectLineHost(_clock))
        {
            a = await first.StartAsync();
            await first.PostAsync(a, "my lower back hurts");
            (before, _) = await first.ActivitiesAsync(a, watermark: 0);
        }

        using var restarted = new DirectLineHost(_clock);
        await restarted.PostAsync(a, "I have chest pain");
        var (after, _) = await restarted.ActivitiesAsync(a, watermark: before.Max(Sequence));

        Assert.Equal("I have chest pain", after[0].GetProperty("text").GetString());
        Assert.Contains(after, IsEmergencyAdvice);
        Assert.Empty(after.Select(Id).Intersect(before.Select(Id)));
    }

    [Theory]
    [InlineData("token of another conversation")]
    [InlineData("expired token")]
    [InlineData("signed with another key")]
    public async Task Requests_ConversationEvictedAndTheWrongToken_403AndNotRevived(string wrong)
    {
        using var host = new DirectLineHost(_clock).With("DirectLine:MaxConversations", "1");
        var a = await host.StartAsync();
        var b = await host.StartAsync();
        var token = wrong switch
        {
            "token of another conversation" => b.Token,
            "expired token" => Tokens(new ManualTimeProvider(Start - TimeSpan.FromMinutes(31))).IssueConversationToken(a.ConversationId, "dl_someone").Token,
            _ => Tokens(_clock, Convert.ToBase64String(new byte[32])).IssueConversationToken(a.ConversationId, "dl_someone").Token,
        };

        using var post = await host.SendAsync(HttpMethod.Post, $"conversations/{a.ConversationId}/activities", token, Message("I have chest pain"));
        using var read = await host.SendAsync(HttpMethod.Get, $"conversations/{a.ConversationId}/activities", token);
        using var reconnect = await host.SendAsync(HttpMethod.Get, $"conversations/{a.ConversationId}", token);
        var revivedByThem = host.Store.Find(a.ConversationId);
        using var own = await host.SendAsync(HttpMethod.Get, $"conversations/{a.ConversationId}/activities", a.Token);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Null(revivedByThem);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static bool IsEmergencyAdvice(JsonElement activity) =>
        activity.TryGetProperty("channelData", out var data)
        && data.TryGetProperty("backcarebot", out var marker)
        && marker.GetProperty("outcome").GetString() == "emergency";

    private static string Id(JsonElement activity) => activity.GetProperty("id").GetString()!;

    private static long Sequence(JsonElement activity) => long.Parse(Id(activity).Split('|')[1], CultureInfo.InvariantCulture);

    private static string Message(string text) => JsonSerializer.Serialize(new { type = "message", text });

    private static DirectLineTokenService Tokens(TimeProvider clock, string? key = null) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key ?? LiveBotHost.SigningKey }), clock);

    private static async Task<Conversation> ConversationAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        return new Conversation(
            root.GetProperty("conversationId").GetString()!,
            root.GetProperty("token").GetString()!,
            root.TryGetProperty("streamUrl", out var streamUrl) ? streamUrl.GetString() : null);
    }

    /// <summary>Reads frames until the host closes the socket; returns the last watermark it gave.</summary>
    private static async Task<long> ReadUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var watermark = 0L;
        while (await ReceiveAsync(socket, cancellationToken) is { } frame)
        {
            if (frame.Length > 0)
            {
                using var set = JsonDocument.Parse(frame);
                watermark = long.Parse(set.RootElement.GetProperty("watermark").GetString()!, CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        return watermark;
    }

    private static async Task<List<JsonElement>> ReadUntilAsync(WebSocket socket, Func<List<JsonElement>, bool> done, CancellationToken cancellationToken)
    {
        var activities = new List<JsonElement>();
        while (!done(activities))
        {
            var frame = await ReceiveAsync(socket, cancellationToken);
            Assert.NotNull(frame);
            if (frame.Length > 0)
            {
                using var set = JsonDocument.Parse(frame);
                activities.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone()));
            }
        }

        return activities;
    }

    // One text message, or null once the host has closed the socket.
    private static async Task<byte[]?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    private sealed record Conversation(string ConversationId, string Token, string? StreamUrl);

    /// <summary>Other people starting conversations while "I have chest pain" is being answered, enough to evict it.</summary>
    private sealed class OthersStartingDuringTheTurn(DirectLineConversationStore store) : IMiddleware
    {
        public bool Evicted { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Text == "I have chest pain")
            {
                store.GetOrCreate(DirectLineConversationStore.NewConversationId(), DirectLineConversationStore.NewUserId());
                Evicted = store.Find(turnContext.Activity.Conversation?.Id) is null;
            }

            return next(cancellationToken);
        }
    }

    /// <summary>The host in memory with a known signing key and the test's clock, and the calls a Direct Line client makes.</summary>
    private sealed class DirectLineHost : IDisposable
    {
        private readonly BotApplicationFactory _factory;
        private HttpClient? _client;

        public DirectLineHost(ManualTimeProvider clock)
        {
            _factory = new BotApplicationFactory()
                .With("DirectLine:TokenSigningKey", LiveBotHost.SigningKey)
                .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        public DirectLineConversationStore Store => _factory.Services.GetRequiredService<DirectLineConversationStore>();

        private HttpClient Client => _client ??= _factory.CreateClient();

        public DirectLineHost With(string key, string value)
        {
            _factory.With(key, value);
            return this;
        }

        public DirectLineHost WithServices(Action<IServiceCollection> configure)
        {
            _factory.WithServices(configure);
            return this;
        }

        public void Dispose() => _factory.Dispose();

        public async Task<Conversation> StartAsync()
        {
            using var response = await Client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await ConversationAsync(response);
        }

        public async Task PostAsync(Conversation conversation, string text)
        {
            using var response = await SendAsync(HttpMethod.Post, $"conversations/{conversation.ConversationId}/activities", conversation.Token, Message(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public async Task<(List<JsonElement> Activities, long Watermark)> ActivitiesAsync(Conversation conversation, long watermark)
        {
            using var response = await SendAsync(HttpMethod.Get, $"conversations/{conversation.ConversationId}/activities?watermark={watermark}", conversation.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var activities = body.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone()).ToList();
            return (activities, long.Parse(body.RootElement.GetProperty("watermark").GetString()!, CultureInfo.InvariantCulture));
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? body = null)
        {
            using var request = new HttpRequestMessage(method, new Uri($"/v3/directline/{path}", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return await Client.SendAsync(request);
        }

        public Task<WebSocket> ConnectAsync(string streamUrl, CancellationToken cancellationToken) =>
            _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), cancellationToken);
    }
}

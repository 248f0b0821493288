using System.Net;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.RateLimiting;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.RateLimiting;

/// <summary>429 with Retry-After and a problem, per conversation on every activity and per address where browsers call.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Messages_ConversationOverItsBurst_429WithRetryAfterAndTurnNotRun()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerConversationBurst", "2");
        var client = factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostActivityAsync(Message(conversationId, "my back hurts"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var throttled = await client.PostActivityAsync(Message(conversationId, "my back hurts"));
        using var other = await client.PostActivityAsync(Message($"conv-{Guid.NewGuid():N}", "my back hurts"));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {throttled.Headers.RetryAfter}");
        await OversizedBodyTests.AssertProblemAsync(throttled);
        Assert.NotEmpty((await other.ReadRepliesAsync()).Messages());
    }

    [Fact]
    public async Task Messages_ConversationOverItsBurstNamesAnEmergency_StillGetsTheAdvice()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerConversationBurst", "1");
        using var emergency = await PostOverBurstAsync(factory, "I've wet myself and my legs keep giving way");

        Assert.Equal(HttpStatusCode.OK, emergency.StatusCode);
        var advice = (await emergency.ReadRepliesAsync()).Messages().First();
        Assert.True(Triage.TriageScript.Says(advice, "emergency"), advice.Text);
    }

    [Fact]
    public async Task Messages_ConversationOverItsBurstNamesAnUrgentSign_StillGetsTheAdvice()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerConversationBurst", "1");
        using var urgent = await PostOverBurstAsync(factory, "I had cancer a few years ago");

        // The turn runs, so the triage records the sign and ends with the urgent advice (TriageTranscriptTests).
        Assert.Equal(HttpStatusCode.OK, urgent.StatusCode);
        Assert.NotEmpty((await urgent.ReadRepliesAsync()).Messages());
    }

    [Fact]
    public async Task Messages_ThrottledActivity_TurnDoesNotRun()
    {
        var turns = new TurnTally();
        using var factory = new BotApplicationFactory()
            .With("RateLimits:PerConversationBurst", "1")
            .WithServices(services => services.AddSingleton<IMiddleware>(turns));
        var client = factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";

        using var first = await client.PostActivityAsync(Message(conversationId, "hello"));
        using var second = await client.PostActivityAsync(Message(conversationId, "hello"));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(1, turns.Count);
    }

    [Fact]
    public async Task Messages_LoopbackCallerInLocalDevelopment_NoPerAddressLimit()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerAddressPermitsPerMinute", "1");
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostActivityAsync(Message($"conv-{Guid.NewGuid():N}", "hello"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Messages_OtherMachineInLocalDevelopment_LimitedPerAddress()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerAddressPermitsPerMinute", "1");
        factory.RemoteAddress = IPAddress.Parse("192.0.2.10");
        var client = factory.CreateClient();

        using var refused = await client.PostActivityAsync(Message($"conv-{Guid.NewGuid():N}", "hello"));
        using var throttled = await client.PostActivityAsync(Message($"conv-{Guid.NewGuid():N}", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
    }

    [Fact]
    public async Task WebChatToken_AddressOverItsLimit_429ProblemWithRetryAfter()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerAddressPermitsPerMinute", "2");
        var client = factory.CreateClient();
        var token = new Uri("/webchat/token", UriKind.Relative);

        using var first = await client.PostAsync(token, content: null);
        using var second = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), content: null);
        using var third = await client.PostAsync(token, content: null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await OversizedBodyTests.AssertProblemAsync(third);
    }

    [Fact]
    public async Task DirectLine_AddressOverItsLimit_AMessageIsStillRead()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerAddressPermitsPerMinute", "1");
        var client = factory.CreateClient();
        using var start = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), content: null);
        using var started = System.Text.Json.JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var conversationId = started.RootElement.GetProperty("conversationId").GetString();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative))
        {
            Content = new StringContent("""{"type":"message","text":"I have chest pain"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", started.RootElement.GetProperty("token").GetString());

        using var message = await client.SendAsync(post);
        using var anotherToken = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), content: null);

        Assert.True(start.IsSuccessStatusCode, start.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, anotherToken.StatusCode);
    }

    [Fact]
    public async Task Teams_ConversationOverItsBurst_AButtonPressStillGetsThrough()
    {
        await using var connector = await Connector.RecordingConnectorServer.StartAsync();
        using var factory = new BotApplicationFactory().With("RateLimits:PerConversationBurst", "1");
        var chat = new Teams.TeamsChat(factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await chat.SayAsync("hi");

        using var press = await chat.PostAsync(Teams.TeamsChat.CardAnswer("Suddenly"));

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
    }

    [Fact]
    public async Task DirectLine_AnotherAddress_HasItsOwnAllowance()
    {
        using var factory = new BotApplicationFactory().With("RateLimits:PerAddressPermitsPerMinute", "1");
        var client = factory.CreateClient();
        var generate = new Uri("/v3/directline/tokens/generate", UriKind.Relative);

        using var first = await client.PostAsync(generate, content: null);
        factory.RemoteAddress = IPAddress.Parse("2001:db8::1");
        using var otherAddress = await client.PostAsync(generate, content: null);
        factory.RemoteAddress = IPAddress.Parse("2001:db8::2");
        using var sameSubnet = await client.PostAsync(generate, content: null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameSubnet.StatusCode);
    }

    [Fact]
    public async Task Disabled_NoLimitAnywhere()
    {
        using var factory = new BotApplicationFactory()
            .With("RateLimits:Enabled", "false")
            .With("RateLimits:PerAddressPermitsPerMinute", "1")
            .With("RateLimits:PerConversationBurst", "1");
        var client = factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";

        for (var i = 0; i < 3; i++)
        {
            using var message = await client.PostActivityAsync(Message(conversationId, "hello"));
            using var token = await client.PostAsync(new Uri("/webchat/token", UriKind.Relative), content: null);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (message.StatusCode, token.StatusCode));
        }
    }

    [Theory]
    [InlineData("RateLimits:PerAddressPermitsPerMinute", "0")]
    [InlineData("RateLimits:PerConversationBurst", "-1")]
    [InlineData("RateLimits:PerConversationPerSecond", "0")]
    public void Startup_InvalidLimit_FailsNamingTheSetting(string key, string value)
    {
        // The check the host runs at start-up, run directly: when a host fails to start, WebApplicationFactory
        // can report an ObjectDisposedException from its own clean-up instead of the failure itself.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection().AddRateLimits(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("RateLimits:", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Uses up a one-message burst in a new conversation, then posts <paramref name="text"/> in it.</summary>
    private static async Task<HttpResponseMessage> PostOverBurstAsync(BotApplicationFactory factory, string text)
    {
        var client = factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";
        using var allowed = await client.PostActivityAsync(Message(conversationId, "my back hurts"));
        return await client.PostActivityAsync(Message(conversationId, text));
    }

    private static Activity Message(string conversationId, string text)
    {
        var activity = MessagesRequests.Message(conversationId, text);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }
}

using System.Net;
using BackCareBot.Authentication;
using BackCareBot.Tests.Authentication;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Tests.Host;

/// <summary>A deployed bot's front door: only the Bot Connector's signed, channel-endorsed tokens get a turn.</summary>
public sealed class HostAuthenticationTests : IClassFixture<AuthenticatedHostFixture>
{
    private readonly AuthenticatedHostFixture _host;
    private readonly HttpClient _client;

    public HostAuthenticationTests(AuthenticatedHostFixture host)
    {
        _host = host;
        _client = host.Factory.CreateClient();
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Post_ValidBotFrameworkToken_200RepliesAndStateWritten()
    {
        var conversationId = NewConversationId();
        var token = TestTokens.BotFramework(Now, _host.Keys.BotFrameworkKey.Credentials());

        using var response = await _client.PostActivityAsync(AuthenticatedHostFixture.Join(conversationId), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.ReadRepliesAsync()).Messages().ToList();
        Assert.True(replies[0].Says("welcome"), replies.Texts());
        Assert.True(await _host.HasStateAsync("msteams", conversationId));
    }

    public static TheoryData<string> Rejections =>
    [
        "no token", "wrong audience", "wrong issuer", "expired", "alg none", "key not endorsed for the channel", "serviceUrl mismatch",
    ];

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_BadCredentials_401EmptyBodyAndTurnNotRun(string rejection)
    {
        var conversationId = NewConversationId();
        var token = TokenFor(rejection);

        using var response = await _client.PostActivityAsync(AuthenticatedHostFixture.Join(conversationId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(await _host.HasStateAsync("msteams", conversationId), $"{rejection}: the bot ran the turn");
        Assert.False(_host.CallerIds.TryGetSeen(conversationId, out _), $"{rejection}: the turn reached the bot's middleware");
    }

    [Fact]
    public async Task Post_CallerIdOnTheWire_ReplacedByTheTokensCaller()
    {
        var conversationId = NewConversationId();
        var join = AuthenticatedHostFixture.Join(conversationId);
        join.CallerId = "urn:evil";
        var token = TestTokens.BotFramework(Now, _host.Keys.BotFrameworkKey.Credentials());

        using var response = await _client.PostActivityAsync(join, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_host.CallerIds.TryGetSeen(conversationId, out var seen));
        Assert.Equal(CallerIds.PublicAzureChannel, seen);
    }

    private string? TokenFor(string rejection)
    {
        var keys = _host.Keys;
        return rejection switch
        {
            "no token" => null,
            "wrong audience" => TestTokens.BotFramework(Now, keys.BotFrameworkKey.Credentials(), audience: "0b6f3c4e-9d2a-4f7b-8e1c-5a3d2c1b0f9e"),
            "wrong issuer" => TestTokens.BotFramework(Now, keys.BotFrameworkKey.Credentials(), issuer: "https://api.botframework.evil"),
            "expired" => TestTokens.BotFramework(Now, keys.BotFrameworkKey.Credentials(),
                notBeforeOffset: TimeSpan.FromHours(-2), expiresOffset: TimeSpan.FromMinutes(-10)),
            "alg none" => TestTokens.BotFramework(Now, signing: null),
            "key not endorsed for the channel" => TestTokens.BotFramework(Now, keys.WebChatOnlyKey.Credentials()),
            "serviceUrl mismatch" => TestTokens.BotFramework(Now, keys.BotFrameworkKey.Credentials(), serviceUrl: "https://attacker.example/"),
            _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
        };
    }

    private static string NewConversationId() => $"a:{Guid.NewGuid():N}";
}

using System.Net;
using System.Text;
using BackCareBot.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Tests.Authentication;

public sealed class BotFrameworkTokenTests : IAsyncLifetime
{
    private AuthenticationTestHost _host = null!;
    private IBotRequestAuthenticator _authenticator = null!;

    private DateTimeOffset Now => _host.Time.Now;

    public async Task InitializeAsync()
    {
        _host = await AuthenticationTestHost.StartAsync();
        _authenticator = _host.CreateAuthenticator();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<BotAuthenticationResult> AuthenticateAsync(
        string? header, string? channelId = TestTokens.ChannelId, string? serviceUrl = TestTokens.ServiceUrl) =>
        _authenticator.AuthenticateAsync(header, channelId, serviceUrl, IPAddress.Parse("52.112.0.10"), CancellationToken.None);

    private static string Bearer(string token) => $"Bearer {token}";

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_ValidToken_AcceptedWithAzureCallerId(string algorithm)
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(algorithm));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.Equal(TestTokens.AppId, result.AppId);
        Assert.False(result.IsAnonymousLocal);
        Assert.Equal(TestTokens.ServiceUrl, result.ClaimsIdentity!.FindFirst("serviceurl")!.Value);
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedMSI")]
    public async Task AuthenticateAsync_AnyAppType_ValidatesAudienceAgainstAppId(string appType)
    {
        var authenticator = _host.CreateAuthenticator(appType: appType);
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());
        var foreign = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(), audience: Guid.NewGuid().ToString());

        var accepted = await authenticator.AuthenticateAsync(Bearer(token), TestTokens.ChannelId, TestTokens.ServiceUrl, null, default);
        var rejected = await authenticator.AuthenticateAsync(Bearer(foreign), TestTokens.ChannelId, TestTokens.ServiceUrl, null, default);

        Assert.True(accepted.IsAuthenticated, accepted.FailureReason);
        Assert.Equal(AuthenticationFailure.InvalidAudience, rejected.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Accepted()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await AuthenticateAsync(Bearer(token), serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(), audience: "https://api.botframework.com");

        var result = await AuthenticateAsync(Bearer(token));

        Assert.False(result.IsAuthenticated);
        Assert.Equal(AuthenticationFailure.InvalidAudience, result.FailureReason);
        Assert.Null(result.CallerId);
        Assert.Null(result.ClaimsIdentity);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownIssuer_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(), issuer: "https://api.botframework.com.example.net");

        var result = await AuthenticateAsync(Bearer(token));

        Assert.False(result.IsAuthenticated);
        Assert.Contains(result.FailureReason, new[] { AuthenticationFailure.InvalidIssuer, AuthenticationFailure.UnknownSigningKey });
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondClockSkew_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(),
            notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-6));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.Expired, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinClockSkew_Accepted()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(),
            notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-4));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondClockSkew_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(),
            notBeforeOffset: TimeSpan.FromMinutes(6), expiresOffset: TimeSpan.FromHours(1));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.NotYetValid, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithinClockSkew_Accepted()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(),
            notBeforeOffset: TimeSpan.FromMinutes(4), expiresOffset: TimeSpan.FromHours(1));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_UnsignedAlgNone_Rejected()
    {
        var token = TestTokens.BotFramework(Now, signing: null);
        Assert.Contains("\"alg\":\"none\"", Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[0])), StringComparison.Ordinal);

        var result = await AuthenticateAsync(Bearer(token));

        Assert.False(result.IsAuthenticated);
        Assert.Equal(AuthenticationFailure.InvalidSignature, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256WithPublishedKeyId_Rejected()
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256"))
        {
            KeyId = _host.BotFrameworkKey.KeyId,
        };
        var token = TestTokens.BotFramework(Now, new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        var result = await AuthenticateAsync(Bearer(token));

        Assert.False(result.IsAuthenticated);
        Assert.Contains(result.FailureReason, new[] { AuthenticationFailure.InvalidAlgorithm, AuthenticationFailure.InvalidSignature });
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByUnpublishedKey_Rejected()
    {
        using var rogue = new TestSigningKey("rogue-key", TestTokens.ChannelId);
        var token = TestTokens.BotFramework(Now, rogue.Credentials());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_RogueKeyReusingPublishedKeyId_Rejected()
    {
        using var rogue = new TestSigningKey(_host.BotFrameworkKey.KeyId, TestTokens.ChannelId);
        var token = TestTokens.BotFramework(Now, rogue.Credentials());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.InvalidSignature, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByEntraKey_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.EntraKey.Credentials());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedPayload_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());
        var parts = token.Split('.');
        var forged = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials(), serviceUrl: "https://attacker.example/").Split('.')[1];

        var result = await AuthenticateAsync(Bearer($"{parts[0]}.{forged}.{parts[2]}"), serviceUrl: "https://attacker.example/");

        Assert.Equal(AuthenticationFailure.InvalidSignature, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForChannel_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.WebChatOnlyKey.Credentials());

        var teams = await AuthenticateAsync(Bearer(token), channelId: "msteams");
        var webChat = await AuthenticateAsync(Bearer(token), channelId: "webchat");

        Assert.Equal(AuthenticationFailure.ChannelNotEndorsed, teams.FailureReason);
        Assert.True(webChat.IsAuthenticated, webChat.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_Rejected()
    {
        using var unendorsed = new TestSigningKey("bf-key-unendorsed");
        _host.Server.PublishBotFrameworkKeys(_host.BotFrameworkKey, unendorsed);
        var token = TestTokens.BotFramework(Now, unendorsed.Credentials());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.ChannelNotEndorsed, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlMismatch_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await AuthenticateAsync(Bearer(token), serviceUrl: "https://attacker.example/");

        Assert.Equal(AuthenticationFailure.ServiceUrlMismatch, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutServiceUrlClaim_Rejected()
    {
        var token = TestTokens.Create(Now, _host.BotFrameworkKey.Credentials(), TestTokens.BotFrameworkIssuer, TestTokens.AppId,
            new Dictionary<string, object>());

        var result = await AuthenticateAsync(Bearer(token));

        Assert.Equal(AuthenticationFailure.ServiceUrlMismatch, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthenticateAsync_ActivityWithoutServiceUrl_Rejected(string? serviceUrl)
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await AuthenticateAsync(Bearer(token), serviceUrl: serviceUrl);

        Assert.Equal(AuthenticationFailure.MissingServiceUrl, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthenticateAsync_MissingChannelId_Rejected(string? channelId)
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await AuthenticateAsync(Bearer(token), channelId: channelId);

        Assert.Equal(AuthenticationFailure.MissingChannelId, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_MissingHeader_Rejected(string? header)
    {
        var result = await AuthenticateAsync(header);

        Assert.Equal(AuthenticationFailure.MissingAuthorizationHeader, result.FailureReason);
    }

    [Theory]
    [InlineData("Basic {0}")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("{0}")]
    [InlineData("Bearer ")]
    public async Task AuthenticateAsync_SchemeNotExactlyBearer_Rejected(string headerFormat)
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await AuthenticateAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, headerFormat, token));

        Assert.Equal(AuthenticationFailure.InvalidScheme, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotAJwt_Rejected()
    {
        var result = await AuthenticateAsync("Bearer not-a-jwt");

        Assert.Equal(AuthenticationFailure.MalformedToken, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateStreamingUpgradeAsync_ValidToken_AcceptedWithoutServiceUrl()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await _authenticator.AuthenticateStreamingUpgradeAsync(Bearer(token), "directlinespeech", null, default);

        Assert.Equal(AuthenticationFailure.ChannelNotEndorsed, result.FailureReason);
        var webChat = await _authenticator.AuthenticateStreamingUpgradeAsync(Bearer(token), "webchat", null, default);
        Assert.True(webChat.IsAuthenticated, webChat.FailureReason);
        Assert.Equal("urn:botframework:azure", webChat.CallerId);
    }

    [Fact]
    public async Task AuthenticateStreamingUpgradeAsync_MissingChannelIdHeader_Rejected()
    {
        var token = TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials());

        var result = await _authenticator.AuthenticateStreamingUpgradeAsync(Bearer(token), null, null, default);

        Assert.Equal(AuthenticationFailure.MissingChannelId, result.FailureReason);
    }
}

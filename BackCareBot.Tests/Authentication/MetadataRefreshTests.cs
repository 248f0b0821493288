using BackCareBot.Authentication;

namespace BackCareBot.Tests.Authentication;

public sealed class MetadataRefreshTests : IAsyncLifetime
{
    private const string BotFrameworkMetadataPath = "/bf/openidconfiguration";
    private const string BotFrameworkKeysPath = "/bf/keys";

    private AuthenticationTestHost _host = null!;

    private DateTimeOffset Now => _host.Time.Now;

    public async Task InitializeAsync() => _host = await AuthenticationTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<BotAuthenticationResult> AuthenticateAsync(IBotRequestAuthenticator authenticator, string token) =>
        authenticator.AuthenticateAsync($"Bearer {token}", TestTokens.ChannelId, TestTokens.ServiceUrl, null, CancellationToken.None);

    [Fact]
    public async Task AuthenticateAsync_ManyValidations_FetchMetadataAndKeysOnce()
    {
        var authenticator = _host.CreateAuthenticator();

        for (var i = 0; i < 5; i++)
        {
            var result = await AuthenticateAsync(authenticator, TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials()));
            Assert.True(result.IsAuthenticated, result.FailureReason);
        }

        Assert.Equal(1, _host.Server.RequestsTo(BotFrameworkMetadataPath));
        Assert.Equal(1, _host.Server.RequestsTo(BotFrameworkKeysPath));
        Assert.Equal(0, _host.Server.RequestsTo("/entra/keys"));
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotatedIn_AcceptedOnceKeysAreRefreshed()
    {
        var authenticator = _host.CreateAuthenticator();
        var before = await AuthenticateAsync(authenticator, TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials()));
        Assert.True(before.IsAuthenticated, before.FailureReason);
        using var rotated = new TestSigningKey("bf-key-2", TestTokens.ChannelId);
        _host.Server.PublishBotFrameworkKeys(rotated);
        var token = TestTokens.BotFramework(Now, rotated.Credentials());

        // IdentityModel refreshes in the background by default, so the token signed with the new key is accepted on
        // the attempt after the unknown kid triggered the refresh (or on that same attempt when blocking refresh is on).
        var result = await AuthenticateAsync(authenticator, token);
        for (var attempt = 0; !result.IsAuthenticated && attempt < 100; attempt++)
        {
            Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.FailureReason);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            result = await AuthenticateAsync(authenticator, token);
        }

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(2, _host.Server.RequestsTo(BotFrameworkKeysPath));
        var retired = await AuthenticateAsync(authenticator, TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials()));
        Assert.Equal(AuthenticationFailure.UnknownSigningKey, retired.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Rejected()
    {
        var authenticator = _host.CreateAuthenticator(overrides: new Dictionary<string, string?>
        {
            ["BotAuthentication:BotFrameworkOpenIdMetadataUrl"] = $"{_host.Server.BaseAddress}/missing/openidconfiguration",
        });

        var result = await AuthenticateAsync(authenticator, TestTokens.BotFramework(Now, _host.BotFrameworkKey.Credentials()));

        Assert.Equal(AuthenticationFailure.MetadataUnavailable, result.FailureReason);
    }
}

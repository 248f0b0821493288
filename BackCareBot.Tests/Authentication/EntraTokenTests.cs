using BackCareBot.Authentication;

namespace BackCareBot.Tests.Authentication;

public sealed class EntraTokenTests : IAsyncLifetime
{
    private const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private const string BotFrameworkTokenServiceTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private AuthenticationTestHost _host = null!;
    private IBotRequestAuthenticator _authenticator = null!;

    private DateTimeOffset Now => _host.Time.Now;

    public async Task InitializeAsync()
    {
        _host = await AuthenticationTestHost.StartAsync();
        _authenticator = _host.CreateAuthenticator();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<BotAuthenticationResult> AuthenticateAsync(string token) =>
        _authenticator.AuthenticateAsync($"Bearer {token}", "emulator", "http://localhost:5000", null, CancellationToken.None);

    [Theory]
    [InlineData(BotFrameworkTenant)]
    [InlineData(BotFrameworkTokenServiceTenant)]
    [InlineData(TestTokens.TenantId)]
    public async Task AuthenticateAsync_V1TokenFromTrustedTenant_AcceptedWithAadCallerId(string tenantId)
    {
        var result = await AuthenticateAsync(TestTokens.EntraV1(Now, _host.EntraKey.Credentials(), tenantId));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal($"urn:botframework:aadappid:{TestTokens.AppId}", result.CallerId);
        Assert.Equal(TestTokens.AppId, result.AppId);
    }

    [Theory]
    [InlineData(BotFrameworkTenant)]
    [InlineData(BotFrameworkTokenServiceTenant)]
    [InlineData(TestTokens.TenantId)]
    public async Task AuthenticateAsync_V2TokenFromTrustedTenant_AcceptedWithAadCallerId(string tenantId)
    {
        var result = await AuthenticateAsync(TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), tenantId));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal($"urn:botframework:aadappid:{TestTokens.AppId}", result.CallerId);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenForAnotherApp_Rejected()
    {
        var otherApp = Guid.NewGuid().ToString();

        var v1 = await AuthenticateAsync(TestTokens.EntraV1(Now, _host.EntraKey.Credentials(), TestTokens.TenantId, callerAppId: otherApp));
        var v2 = await AuthenticateAsync(TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), TestTokens.TenantId, callerAppId: otherApp));

        Assert.Equal(AuthenticationFailure.AppIdMismatch, v1.FailureReason);
        Assert.Equal(AuthenticationFailure.AppIdMismatch, v2.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AudienceIsAnotherResource_Rejected()
    {
        var token = TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), TestTokens.TenantId, audience: "https://graph.microsoft.com");

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.InvalidAudience, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdUriAudience_Accepted()
    {
        var token = TestTokens.EntraV1(Now, _host.EntraKey.Credentials(), TestTokens.TenantId, audience: $"api://{TestTokens.AppId}");

        var result = await AuthenticateAsync(token);

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_V1ClaimsWithV2Version_Rejected()
    {
        var token = TestTokens.Create(Now, _host.EntraKey.Credentials(), $"https://sts.windows.net/{TestTokens.TenantId}/", TestTokens.AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["appid"] = TestTokens.AppId });

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.AppIdMismatch, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3.0")]
    public async Task AuthenticateAsync_MissingOrUnknownVersion_Rejected(string? version)
    {
        var claims = new Dictionary<string, object> { ["appid"] = TestTokens.AppId, ["azp"] = TestTokens.AppId };
        if (version is not null)
            claims["ver"] = version;
        var token = TestTokens.Create(Now, _host.EntraKey.Credentials(), $"https://sts.windows.net/{TestTokens.TenantId}/", TestTokens.AppId, claims);

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.UnsupportedTokenVersion, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_OtherTenantIssuer_Rejected()
    {
        var token = TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), Guid.NewGuid().ToString());

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.InvalidIssuer, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoTenantConfigured_OnlyBotFrameworkTenantsTrusted()
    {
        var authenticator = _host.CreateAuthenticator(tenantId: null, appType: "MultiTenant");

        var ownTenant = await authenticator.AuthenticateAsync(
            $"Bearer {TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), TestTokens.TenantId)}", "emulator", null, null, default);
        var botFramework = await authenticator.AuthenticateAsync(
            $"Bearer {TestTokens.EntraV2(Now, _host.EntraKey.Credentials(), BotFrameworkTenant)}", "emulator", null, null, default);

        Assert.Equal(AuthenticationFailure.InvalidIssuer, ownTenant.FailureReason);
        Assert.True(botFramework.IsAuthenticated, botFramework.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AdditionalIssuerConfigured_Accepted()
    {
        const string sovereignIssuer = "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0";
        var authenticator = _host.CreateAuthenticator(overrides: new Dictionary<string, string?>
        {
            ["BotAuthentication:AdditionalEntraIssuers:0"] = sovereignIssuer,
        });
        var token = TestTokens.Create(Now, _host.EntraKey.Credentials(), sovereignIssuer, TestTokens.AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TestTokens.AppId });

        var result = await authenticator.AuthenticateAsync($"Bearer {token}", "emulator", null, null, default);

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByBotFrameworkKey_Rejected()
    {
        var token = TestTokens.EntraV2(Now, _host.BotFrameworkKey.Credentials(), TestTokens.TenantId);

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinClockSkew_Accepted()
    {
        var token = TestTokens.Create(Now, _host.EntraKey.Credentials(), $"https://sts.windows.net/{TestTokens.TenantId}/", TestTokens.AppId,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = TestTokens.AppId },
            notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-4));

        var result = await AuthenticateAsync(token);

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondClockSkew_Rejected()
    {
        var token = TestTokens.Create(Now, _host.EntraKey.Credentials(), $"https://sts.windows.net/{TestTokens.TenantId}/", TestTokens.AppId,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = TestTokens.AppId },
            notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-6));

        var result = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.Expired, result.FailureReason);
    }
}

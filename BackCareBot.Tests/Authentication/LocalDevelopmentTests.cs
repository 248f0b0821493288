using System.Net;
using BackCareBot.Authentication;

namespace BackCareBot.Tests.Authentication;

public sealed class LocalDevelopmentTests : IAsyncLifetime
{
    private AuthenticationTestHost _host = null!;
    private IBotRequestAuthenticator _authenticator = null!;

    public async Task InitializeAsync()
    {
        _host = await AuthenticationTestHost.StartAsync();
        _authenticator = _host.CreateAuthenticator(appId: null, tenantId: null);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.42")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AuthenticateAsync_NoAppIdAndLoopbackCaller_AcceptedAnonymously(string address)
    {
        var result = await _authenticator.AuthenticateAsync(null, "emulator", "http://localhost:5000", IPAddress.Parse(address), default);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.True(result.IsAnonymousLocal);
        Assert.Null(result.CallerId);
        Assert.Null(result.ClaimsIdentity);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::1")]
    [InlineData("0.0.0.0")]
    public async Task AuthenticateAsync_NoAppIdAndRemoteCaller_Rejected(string address)
    {
        var result = await _authenticator.AuthenticateAsync(null, "emulator", "http://localhost:5000", IPAddress.Parse(address), default);

        Assert.False(result.IsAuthenticated);
        Assert.False(result.IsAnonymousLocal);
        Assert.Equal(AuthenticationFailure.NonLoopbackCaller, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdAndUnknownCaller_Rejected()
    {
        var result = await _authenticator.AuthenticateAsync(null, "emulator", "http://localhost:5000", null, default);

        Assert.Equal(AuthenticationFailure.NonLoopbackCaller, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateStreamingUpgradeAsync_NoAppIdAndRemoteCaller_Rejected()
    {
        var result = await _authenticator.AuthenticateStreamingUpgradeAsync(null, "directlinespeech", IPAddress.Parse("10.0.0.5"), default);

        Assert.Equal(AuthenticationFailure.NonLoopbackCaller, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdConfiguredAndLoopbackCallerWithoutToken_Rejected()
    {
        var authenticator = _host.CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(null, "emulator", "http://localhost:5000", IPAddress.Loopback, default);

        Assert.Equal(AuthenticationFailure.MissingAuthorizationHeader, result.FailureReason);
    }
}

using System.Net;
using BackCareBot.Protocol.Schema;
using BackCareBot.Security;
using BackCareBot.Tests.Functional;
using BackCareBot.WebChat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.WebChat;

/// <summary>
/// The page and its files carry a content security policy that allows only what Web Chat needs (checked in
/// a real browser by WebChatBrowserTests), and the machine-facing APIs carry nosniff only.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly BotApplicationFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/embed.js")]
    [InlineData("/lib/webchat.js")]
    [InlineData("/webchat/settings")]
    [InlineData("/no-such-page")]
    public async Task Get_PageOrItsFiles_FullSetOfSecurityHeaders(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        Assert.Equal("'self' data: blob:", csp["img-src"]);
        Assert.Equal("'self' ws://localhost", csp["connect-src"]);
        Assert.Equal("'self' blob:", csp["media-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Cross-Origin-Resource-Policy"), "other sites load embed.js and the bundle");
    }

    [Fact]
    public async Task Get_Page_IsServedWithAPolicy()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("embed.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Messages_NosniffOnly()
    {
        using var client = _factory.CreateClient();
        var message = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNosniffOnly(response);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/v3/directline/conversations/unknown/activities")]
    public async Task Get_MachineEndpoints_NosniffOnly(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertNosniffOnly(response);
    }

    [Fact]
    public async Task Get_AzureDirectLineAndAvatarUrlAndSpeech_PolicyAllowsThemAndTheMicrophone()
    {
        await using var factory = new BotApplicationFactory()
            .With("WebChat:DirectLineSecret", "configured-secret")
            .With("WebChat:DirectLineEndpoint", "https://europe.directline.botframework.com/v3/directline")
            .With("WebChat:Avatar", "https://clinic.example/images/nurse.png")
            .With("WebChat:EnableSpeech", "true");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self' ws://localhost https://europe.directline.botframework.com wss://europe.directline.botframework.com", csp["connect-src"]);
        Assert.Equal("'self' data: blob: https://clinic.example", csp["img-src"]);
        Assert.Contains("microphone=(self)", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicyFor_HttpsRequest_NamesTheSecureSocket()
    {
        var policy = new PageSecurityPolicy(Options.Create(new WebChatOptions()));
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("bot.clinic.example");

        var csp = Directives(policy.ContentSecurityPolicyFor(context.Request));

        Assert.Equal("'self' wss://bot.clinic.example", csp["connect-src"]);
    }

    [Theory]
    [InlineData("bot.example; script-src *")]
    [InlineData("bot.example 'unsafe-eval'")]
    [InlineData("bot.example,evil.example")]
    public void ContentSecurityPolicyFor_HostHeaderWithPolicySyntax_LeftOut(string host)
    {
        var policy = new PageSecurityPolicy(Options.Create(new WebChatOptions()));
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);

        var header = policy.ContentSecurityPolicyFor(context.Request);

        Assert.Equal("'self'", Directives(header)["connect-src"]);
        Assert.DoesNotContain("bot.example", header, StringComparison.Ordinal);
    }

    private static void AssertNosniffOnly(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Permissions-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
}

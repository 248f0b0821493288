using System.Net;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Host;

/// <summary>
/// Outside development people's browsers are sent to HTTPS and told to stay there, while the machines
/// (channels posting to /api/messages, health probes) are never redirected, and a TLS-terminating proxy's
/// word on the scheme counts only when it is trusted.
/// </summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task GetPage_ProductionOverHttpWithHttpsPort_RedirectedToHttps()
    {
        await using var root = Root(httpsPort: "443");
        using var client = NoRedirects(InProduction(root), "http://bot.clinic.example");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://bot.clinic.example/"), response.Headers.Location);
    }

    [Fact]
    public async Task PostMessages_ProductionOverHttpWithHttpsPort_NotRedirected()
    {
        await using var root = Root(httpsPort: "443");
        using var client = NoRedirects(InProduction(root), "http://bot.clinic.example");
        var message = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task GetHealth_ProductionOverHttpWithHttpsPort_NotRedirected()
    {
        await using var root = Root(httpsPort: "443");
        using var client = NoRedirects(InProduction(root), "http://bot.clinic.example");

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetPage_ProductionOverHttps_HstsSent()
    {
        await using var root = Root(httpsPort: "443");
        using var client = NoRedirects(InProduction(root), "https://bot.clinic.example");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPage_DevelopmentWithHttpsPort_NeitherRedirectedNorHsts()
    {
        await using var development = Root(httpsPort: "443");
        using var client = NoRedirects(development, "https://bot.clinic.example");
        using var plain = NoRedirects(development, "http://bot.clinic.example");

        using var secure = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var insecure = await plain.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, insecure.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task GetPage_ProductionPlainHttpWithoutHttpsPort_ServedAndWarnedAtMostOnce()
    {
        var logs = new CapturingLoggerProvider();
        await using var root = Root(httpsPort: null, logs);
        using var client = NoRedirects(InProduction(root), "http://localhost:3978");

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(
            logs.Entries.Count(entry => entry.Category.Contains("HttpsRedirection", StringComparison.Ordinal) && entry.Level >= LogLevel.Warning) <= 1,
            "the redirection middleware warns on every request");
    }

    [Fact]
    public async Task GetPage_ForwardedProtoHttpsFromLocalProxy_NotRedirected()
    {
        await using var root = Root(httpsPort: "443");
        using var client = NoRedirects(InProduction(root), "http://bot.clinic.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task GetPage_ForwardedProtoHttpsFromUntrustedAddress_StillRedirected()
    {
        await using var root = Root(httpsPort: "443");
        root.RemoteAddress = IPAddress.Parse("203.0.113.9");
        using var client = NoRedirects(InProduction(root), "http://bot.clinic.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    private static BotApplicationFactory Root(string? httpsPort, CapturingLoggerProvider? logs = null)
    {
        var factory = new BotApplicationFactory().With("HTTPS_PORT", httpsPort);
        if (logs is not null)
        {
            factory.WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        }

        return factory;
    }

    // The derived host is disposed with its root.
    private static WebApplicationFactory<Program> InProduction(BotApplicationFactory root) =>
        root.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

    private static HttpClient NoRedirects(WebApplicationFactory<Program> host, string baseAddress) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
}

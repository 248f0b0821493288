using System.Net;
using System.Net.Sockets;
using System.Text;
using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.WebChat;

/// <summary>The page, its settings and token, and who may call them from another site.</summary>
public sealed class WebChatHostTests
{
    [Fact]
    public async Task Page_Root_ServesWebChatFromThisHostOnly()
    {
        using var factory = new BotApplicationFactory();
        var client = factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var embed = await client.GetStringAsync(new Uri("/embed.js", UriKind.Relative));
        using var bundle = await client.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));

        Assert.Contains("src=\"/embed.js\"", page, StringComparison.Ordinal);
        Assert.Contains("width=device-width", page, StringComparison.Ordinal);
        var embedCode = string.Join('\n', embed.Split('\n').Where(line => !line.TrimStart().StartsWith('*') && !line.TrimStart().StartsWith("/*", StringComparison.Ordinal)));
        Assert.DoesNotContain("http", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\"'`]https?://", embedCode);
        Assert.Contains("origin + '/lib/webchat.js'", embedCode, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    [Fact]
    public async Task Preflight_ConfiguredOrigin_AllowedWithDirectLineHeaders()
    {
        using var factory = new BotApplicationFactory().With("WebChat:AllowedOrigins:0", "https://clinic.example");
        using var request = Preflight("/v3/directline/conversations", "https://clinic.example");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("https://clinic.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_OtherOrigin_NotAllowed()
    {
        using var factory = new BotApplicationFactory().With("WebChat:AllowedOrigins:0", "https://clinic.example");
        using var request = Preflight("/v3/directline/conversations", "https://elsewhere.example");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Token_WithDirectLineSecret_ExchangedServerSideAndSecretNeverSent()
    {
        const string Secret = "dl-secret-value";
        using var directLine = new FakeDirectLine(Secret);
        using var factory = new BotApplicationFactory()
            .With("WebChat:DirectLineSecret", Secret)
            .With("WebChat:DirectLineEndpoint", directLine.BaseUrl + "v3/directline");
        var client = factory.CreateClient();

        using var token = await client.PostAsync(new Uri("/webchat/token", UriKind.Relative), content: null);
        var tokenBody = await token.Content.ReadAsStringAsync();
        var settings = await client.GetStringAsync(new Uri("/webchat/settings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains("\"token\":\"azure-token\"", tokenBody, StringComparison.Ordinal);
        Assert.Contains(directLine.BaseUrl + "v3/directline", settings, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, tokenBody + settings, StringComparison.Ordinal);
        Assert.Equal("/v3/directline/tokens/generate", directLine.LastPath);
    }

    [Fact]
    public async Task DirectLine_NoToken_Unauthorized()
    {
        using var factory = new BotApplicationFactory();

        using var response = await factory.CreateClient().GetAsync(new Uri("/v3/directline/conversations/abc/activities", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return request;
    }

    /// <summary>Azure's tokens/generate on 127.0.0.1: answers only a request bearing the secret.</summary>
    private sealed class FakeDirectLine : IDisposable
    {
        private readonly HttpListener _listener = new();

        public FakeDirectLine(string secret)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _ = ServeAsync(secret);
        }

        public string BaseUrl { get; }

        public string? LastPath { get; private set; }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync(string secret)
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                LastPath = context.Request.Url?.AbsolutePath;
                var authorized = context.Request.Headers["Authorization"] == $"Bearer {secret}";
                context.Response.StatusCode = authorized ? 200 : 403;
                var body = Encoding.UTF8.GetBytes("""{"conversationId":"azure-conv","token":"azure-token","expires_in":1800}""");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(authorized ? body : []);
                context.Response.Close();
            }
        }
    }
}

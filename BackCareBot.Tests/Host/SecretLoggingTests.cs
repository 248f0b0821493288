using System.Net;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Host;

/// <summary>
/// Secrets in configuration never reach a log, at Trace level, through start-up, turns that post to a
/// connector and call the cloud recogniser, and a web chat token exchange with Azure's Direct Line
/// (all stand-ins on 127.0.0.1).
/// </summary>
public sealed class SecretLoggingTests : IAsyncLifetime
{
    private const string AppPassword = "AppPw~Qx7vLm2Rz9Kd4Ws";
    private const string DirectLineSecret = "DlSecret.Ht5Jp8Vn3Bc6Xf1Gy";
    private const string StoragePassword = "StorePw-Wm4Ek7Tq2Zr5";
    private const string CloudApiKey = "CloudKey0a9b8c7d6e5f4321";

    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray());

    private readonly CapturingLoggerProvider _logs = new();
    private RecordingConnectorServer _connector = null!;
    private RecordingConnectorServer _directLine = null!;
    private RecordingConnectorServer _cloud = null!;
    private BotApplicationFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _directLine = await RecordingConnectorServer.StartAsync();
        _cloud = await RecordingConnectorServer.StartAsync();
        _factory = new BotApplicationFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:System", "Trace")
            .With("Connector:MaxAttempts", "1")
            .With("MicrosoftAppPassword", AppPassword)
            .With("WebChat:DirectLineSecret", DirectLineSecret)
            .With("WebChat:DirectLineEndpoint", $"{_directLine.BaseUrl}/v3/directline")
            .With("DirectLine:TokenSigningKey", SigningKey)
            .With("Storage:ConnectionString", $"Host=127.0.0.1;Database=bot;Username=bot;Password={StoragePassword}")
            .With("Recognition:Cloud:Endpoint", _cloud.BaseUrl)
            .With("Recognition:Cloud:ApiKey", CloudApiKey)
            .With("Recognition:Cloud:Timeout", "00:00:01")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        await _directLine.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task StartupTurnsAndTokenRequest_TraceLogging_NoSecretLogged()
    {
        using var client = _factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";
        var join = MessagesRequests.Message(conversationId, text: null, Channels.Test, _connector.BaseUrl);
        join.Type = ActivityTypes.ConversationUpdate;
        join.MembersAdded = [new ChannelAccount { Id = "user-1" }];
        _directLine.Respond(HttpStatusCode.OK, """{"conversationId":"dl-conv-1","token":"dl-token-1","expires_in":3600}""");

        using var joined = await client.PostActivityAsync(join);
        using var answered = await client.PostActivityAsync(MessagesRequests.Message(conversationId, "3 days ago", Channels.Test, _connector.BaseUrl));
        using var described = await client.PostActivityAsync(MessagesRequests.Message(conversationId, "my lower back hurts and my leg tingles", Channels.Test, _connector.BaseUrl));
        using var token = await client.PostAsync(new Uri("/webchat/token", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal($"Bearer {DirectLineSecret}", Assert.Single(_directLine.Requests).Authorization);
        Assert.NotEmpty(_cloud.Requests);
        Assert.NotEmpty(_connector.Requests);
        Assert.Contains(_logs.Entries, entry => entry.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
        foreach (var secret in new[] { AppPassword, DirectLineSecret, SigningKey, StoragePassword, CloudApiKey })
        {
            var leak = _logs.Entries.FirstOrDefault(entry => entry.Mentions(secret));
            Assert.True(leak is null, $"a secret was logged by {leak?.Category}: {leak?.Message}");
        }
    }
}

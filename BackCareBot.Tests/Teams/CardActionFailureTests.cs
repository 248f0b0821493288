using System.Net;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Host;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Teams;

/// <summary>A button press whose turn fails still gets its synchronous answer, and a red flag still gets the advice.</summary>
public sealed class CardActionFailureTests : IAsyncLifetime
{
    private readonly FaultyStorage _storage = new();
    private BotApplicationFactory _factory = null!;
    private RecordingConnectorServer _connector = null!;
    private TeamsChat _chat = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _factory = new BotApplicationFactory().WithServices(services => services.UseStorage(_storage));
        _chat = new TeamsChat(_factory.CreateClient(), serviceUrl: _connector.BaseUrl + "/");
        await _chat.SayAsync("hi");
        _storage.FailReadsOf(StorageKeys.Conversation(Channels.MsTeams, _chat.ConversationId)!);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task CardAnswer_TurnFails_StillAnsweredSynchronouslyWithApology()
    {
        using var response = await _chat.PostAsync(TeamsChat.CardAnswer("Suddenly"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        var sent = BotJson.Deserialize(_connector.Requests[^1].Body)!;
        Assert.True(sent.Says("turnError"), sent.Text);
    }

    [Fact]
    public async Task CardAnswer_RedFlagAndTurnFails_EmergencyAdvice()
    {
        using var response = await _chat.PostAsync(TeamsChat.CardAnswer("I can't control my bladder"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = BotJson.Deserialize(_connector.Requests[^1].Body)!;
        Assert.True(sent.Says("emergency"), sent.Text);
    }
}

using System.Text.Json;
using BackCareBot.DirectLine;
using BackCareBot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.DirectLine;

/// <summary>
/// The real botframework-directlinejs client (npm, under Node) against the running host: the library Web
/// Chat is built on, so what passes here is what Web Chat sees.
/// </summary>
public sealed class DirectLineJsClientTests(LiveBotHost host) : IClassFixture<LiveBotHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task WebSocket_SendMessages_EchoThenRepliesInOrderAndTypingDelivered() => RunScenarioAsync("websocket");

    [Fact]
    public Task Polling_SendMessages_EchoThenRepliesInOrderWithoutTyping() => RunScenarioAsync("polling");

    [Fact]
    public Task Reconnect_SocketDropped_ResumesFromWatermarkWithoutLossOrDuplicates() => RunScenarioAsync("reconnect");

    [Fact]
    public Task RefreshToken_BeforeExpiry_NewTokenKeepsWorking() => RunScenarioAsync("refresh");

    [Fact]
    public async Task Tokens_ExpiredForgedOrForAnotherConversation_Get403()
    {
        // A live conversation, and a token for exactly it that expired: expiry is the only thing wrong with it.
        using var http = new HttpClient();
        var started = await http.PostAsync(new Uri($"{host.BaseUrl}/v3/directline/conversations"), content: null);
        started.EnsureSuccessStatusCode();
        var conversationId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("conversationId").GetString()!;
        var issuedAnHourAgo = new DirectLineTokenService(
            Options.Create(new DirectLineOptions { TokenSigningKey = LiveBotHost.SigningKey }),
            new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)));
        var expired = issuedAnHourAgo.IssueConversationToken(conversationId, "dl_expired").Token;
        await RunScenarioAsync("rejected", expired, conversationId);
    }

    private async Task RunScenarioAsync(string scenario, params string[] extra)
    {
        var run = await NodeClient.RunAsync("directline.mjs", Timeout, [host.BaseUrl, scenario, .. extra]);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"OK {scenario}", run.Output, StringComparison.Ordinal);
    }
}

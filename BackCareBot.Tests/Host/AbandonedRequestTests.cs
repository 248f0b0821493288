using System.Text;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>
/// A channel that stops waiting for its POST (Teams gives up after about 15 s) must not cancel the turn: its
/// replies go through the connector, and one of them may be the emergency advice.
/// </summary>
public sealed class AbandonedRequestTests
{
    [Fact]
    public async Task Post_ChannelStopsWaitingMidTurn_EmergencyAdviceStillDelivered()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var turnStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clientGone = new TaskCompletionSource();
        await using var factory = new BotApplicationFactory()
            .WithServices(services => services.AddSingleton<IMiddleware>(new WaitForClientToLeave(turnStarted, clientGone.Task)));
        var client = factory.CreateClient();
        var activity = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "I've wet myself", serviceUrl: connector.BaseUrl + "/");

        using (var giveUp = new CancellationTokenSource())
        {
            using var content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json");
            var post = client.PostAsync(MessagesRequests.Messages, content, giveUp.Token);
            await turnStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await giveUp.CancelAsync();
            clientGone.SetResult();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        }

        var advice = await WaitForFirstMessageAsync(connector);
        Assert.True(advice.Says("emergency"), advice.Text);
    }

    // Typing may arrive first (the turn is slow on purpose); the advice is the first message.
    private static async Task<Activity> WaitForFirstMessageAsync(RecordingConnectorServer connector)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (connector.Requests.Select(r => BotJson.Deserialize(r.Body)!).FirstOrDefault(a => a.Type == ActivityTypes.Message) is { } message)
            {
                return message;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Holds the turn until the caller has given up on the request, whatever token the turn runs with.</summary>
    private sealed class WaitForClientToLeave(TaskCompletionSource turnStarted, Task clientGone) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            turnStarted.TrySetResult();
            await clientGone.WaitAsync(CancellationToken.None);
            await next(cancellationToken);
        }
    }
}

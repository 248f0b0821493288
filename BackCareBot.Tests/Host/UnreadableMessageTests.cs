using BackCareBot.Dialogs.Triage;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>When reading the message is itself what fails, the person still gets the apology with the emergency number.</summary>
public sealed class UnreadableMessageTests
{
    [Fact]
    public async Task Say_RecognitionThrows_ApologyWithEmergencyNumber()
    {
        await using var factory = new BotApplicationFactory()
            .WithServices(services => services.AddSingleton<IObservationSource>(new ThrowingObservationSource()));
        var chat = new BotConversation(factory.CreateClient());

        var reply = Assert.Single((await chat.SayAsync("my back hurts")).Messages());

        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
    }

    private sealed class ThrowingObservationSource : IObservationSource
    {
        public ValueTask<Observation> ObserveAsync(string text, DateTimeOffset referenceTime, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The recogniser failed.");

        public TriageLevel LevelOf(string flagId) => TriageLevel.Emergency;
    }
}

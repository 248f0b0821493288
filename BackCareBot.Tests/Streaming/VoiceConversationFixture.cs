namespace BackCareBot.Tests.Streaming;

/// <summary>
/// Three calls at once over ONE socket from the real botframework-streaming client: a phone call that ends in
/// self-care (answered with keypad digits), a phone call with an emergency, and a Direct Line Speech emergency.
/// </summary>
public sealed class VoiceConversationFixture : IAsyncLifetime
{
    public const string PhoneSelfCare = "phone-selfcare";
    public const string PhoneEmergency = "phone-emergency";
    public const string SpeechEmergency = "speech-emergency";

    /// <summary>The yes/no symptom questions asked when the trigger is already known.</summary>
    public const int SymptomQuestions = 7;

    private KestrelBotHost? _host;

    internal VoiceRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = KestrelBotHost.Start();
        Run = await VoiceClient.RunAsync(
            _host.MessagesSocket,
            new VoicePlan(PhoneSelfCare, "telephony",
            [
                VoiceStep.Join,
                VoiceStep.Say("I hurt my lower back lifting a box this morning"),
                VoiceStep.Press('6'),
                .. Enumerable.Repeat(VoiceStep.Press('2'), SymptomQuestions),
            ]),
            new VoicePlan(PhoneEmergency, "telephony",
            [
                VoiceStep.Join,
                VoiceStep.Say("my back hurts and I can't control my bladder"),
            ]),
            new VoicePlan(SpeechEmergency, "directlinespeech",
            [
                VoiceStep.Say("my back hurts and I can't control my bladder"),
            ]));
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        return Task.CompletedTask;
    }
}

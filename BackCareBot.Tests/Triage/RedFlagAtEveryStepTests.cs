using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.Triage;

/// <summary>
/// Safety rule 1: a red flag at any point of any dialog — a question, a retry, a confirmation, after an
/// outcome, after a command — gets the emergency advice first and alone, on that very turn.
/// </summary>
public sealed class RedFlagAtEveryStepTests : IClassFixture<BotApplicationFactory>
{
    private static readonly string[] EmergencyMessages =
    [
        "I wet myself this morning",
        "I can't feel the toilet paper when I wipe",
        "my legs keep giving way",
        "I have chest pain",

        // Worded as negatives: a reader that takes every "don't" or "never" for a denial would miss these.
        "I don't have any control over my bladder",
        "never had chest pain like this before",
        "my left leg doesn't have any strength",
    ];

    private readonly BotApplicationFactory _factory;

    public RedFlagAtEveryStepTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    public static TheoryData<string, string> Steps()
    {
        var data = new TheoryData<string, string>();
        var index = 0;
        foreach (var step in StepScripts.Keys)
        {
            data.Add(step, EmergencyMessages[index++ % EmergencyMessages.Length]);
            data.Add(step, EmergencyMessages[index++ % EmergencyMessages.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task RedFlag_AtStep_EmergencyAdviceFirstAndAlone(string step, string emergencyMessage)
    {
        var chat = new BotConversation(_factory.CreateClient());
        var (start, before) = StepScripts[step];
        if (start)
        {
            await chat.StartAsync();
        }

        foreach (var message in before)
        {
            await chat.SayAsync(message);
        }

        var replies = await chat.SayAsync(emergencyMessage);

        TriageTranscriptTests.AssertEmergencyAlone(replies);
    }

    private static readonly string[] ToSymptoms = [.. TriageScript.ToSymptoms];

    private static Dictionary<string, (bool Start, string[] Before)> StepScripts { get; } = BuildScripts();

    private static Dictionary<string, (bool Start, string[] Before)> BuildScripts()
    {
        var scripts = new Dictionary<string, (bool, string[])>
        {
            ["first message, before any welcome"] = (false, []),
            ["after the welcome"] = (true, []),
            ["onset-when retry"] = (true, ["banana"]),
            ["onset-how question"] = (true, ["3 days ago"]),
            ["location question"] = (true, ["3 days ago", "suddenly"]),
            ["location retry"] = (true, ["3 days ago", "suddenly", "banana"]),
            ["severity question"] = (true, ["3 days ago", "suddenly", "lower back"]),
            ["severity retry"] = (true, ["3 days ago", "suddenly", "lower back", "banana"]),
            ["leg detail question"] = (true, [.. ToSymptoms, "no", "no", "yes"]),
            ["symptom retry"] = (true, [.. ToSymptoms, "banana"]),
            ["forget-me confirmation"] = (true, ["3 days ago", "forget me"]),
            ["after a self-care outcome"] = (true, [.. ToSymptoms, .. TriageScript.SymptomIds.Select(_ => "no")]),
            ["after cancel"] = (true, ["cancel"]),
            ["after help"] = (true, ["help"]),
            ["after the retry limit"] = (true, ["3 days ago", "suddenly", "lower back", "banana", "banana", "banana"]),
            ["after an earlier emergency"] = (true, ["I have chest pain"]),
        };

        for (var i = 0; i < TriageScript.SymptomIds.Count; i++)
        {
            scripts[$"symptom question {TriageScript.SymptomIds[i]}"] = (true, [.. ToSymptoms, .. Enumerable.Repeat("no", i)]);
        }

        return scripts;
    }
}

using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>The main questions' own progress; the answers themselves live in <see cref="TriageFacts"/>.</summary>
public sealed class StepsProgress
{
    public bool IntroSent { get; set; }
}

/// <summary>The symptom questions' own progress.</summary>
public sealed class SymptomProgress
{
    public bool IntroSent { get; set; }
}

/// <summary>"Forget me" keeps nothing of its own.</summary>
public sealed class ForgetProgress;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StepsProgress))]
[JsonSerializable(typeof(SymptomProgress))]
[JsonSerializable(typeof(ForgetProgress))]
internal sealed partial class FlowJsonContext : JsonSerializerContext;

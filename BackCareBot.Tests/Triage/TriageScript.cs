using BackCareBot.Dialogs.Content;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Triage;

/// <summary>The content the bot speaks, so transcripts check for the reviewed words instead of copies of them.</summary>
internal static class TriageScript
{
    public static ConversationContent Content { get; } = ConversationContentLoader.Load();

    /// <summary>The fixed part of a message: its text up to the first placeholder.</summary>
    public static string Opening(string key)
    {
        var text = Content.Message(key).Text;
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? text : text[..brace];
    }

    public static string Question(string symptomId) => Content.SymptomQuestions.Single(q => q.Id == symptomId).Text;

    public static bool Says(this Activity activity, string key) =>
        activity.Text?.StartsWith(Opening(key), StringComparison.Ordinal) == true;

    public static bool Asks(this Activity activity, string symptomId) =>
        activity.Text?.Contains(Question(symptomId), StringComparison.Ordinal) == true;

    /// <summary>The symptom question ids in the order the bot asks them.</summary>
    public static IReadOnlyList<string> SymptomIds { get; } = [.. Content.SymptomQuestions.Select(q => q.Id)];

    /// <summary>Answers that take a conversation from the first question to the symptom questions, with no trigger given.</summary>
    public static IReadOnlyList<string> ToSymptoms { get; } = ["3 days ago", "suddenly", "lower back", "4"];
}

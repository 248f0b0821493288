using System.Text.Json;

namespace BackCareBot.Dialogs.Content;

/// <summary>
/// The per-language knowledge file (red flags, vocabulary, questions, messages, tips), embedded in this
/// assembly so a deployment can never run with it missing.
/// </summary>
public static class KnowledgeFile
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Stream Open(string language)
    {
        var name = $"BackCareBot.Dialogs.Knowledge.{language}.json";
        return typeof(KnowledgeFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"There is no knowledge file for language \"{language}\" (looked for the embedded resource {name}).");
    }
}

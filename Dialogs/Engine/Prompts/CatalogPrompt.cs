using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// One question of an <see cref="IPromptCatalog"/>. Most turns that reach a waiting prompt only check the answer
/// against the choices, so the question and the retry are built only when the turn sends one.
/// </summary>
public sealed class CatalogPrompt(IReadOnlyList<Choice> choices, int maxRetries, Func<Activity> question, Func<Activity> retry)
{
    public IReadOnlyList<Choice> Choices => choices;

    public int MaxRetries => maxRetries;

    /// <summary>A fresh copy of the question: the prompt changes it before sending, so never hand out a shared one.</summary>
    public Activity Question() => question();

    /// <summary>A fresh copy of what is sent after a failed attempt.</summary>
    public Activity Retry() => retry();

    /// <summary>Options that start a prompt on this question and store only <paramref name="key"/>.</summary>
    public PromptOptions Start(string key) => new()
    {
        Prompt = Question(),
        Choices = Choices,
        MaxRetries = MaxRetries,
        CatalogKey = key,
    };
}

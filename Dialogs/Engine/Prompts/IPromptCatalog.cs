using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Rebuilds a prompt's options from a short key. A prompt given a catalog stores only the key between turns
/// instead of the whole question (text, speech and buttons), which keeps stored conversations small and
/// lets a reworded question reach conversations already waiting on it.
/// </summary>
public interface IPromptCatalog
{
    /// <summary>
    /// Fresh options for this turn, with <see cref="PromptOptions.CatalogKey"/> set to <paramref name="key"/>;
    /// the prompt changes the activities before sending them, so never hand out shared ones. Null for a key
    /// the catalog no longer knows.
    /// </summary>
    PromptOptions? Find(string key, ITurnContext turnContext);
}

using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Rebuilds a prompt from a short key. A prompt given a catalog stores only the key between turns
/// instead of the whole question (text, speech and buttons), which keeps stored conversations small and
/// lets a reworded question reach conversations already waiting on it.
/// </summary>
public interface IPromptCatalog
{
    /// <summary>The prompt with this key as this turn would ask it; null for a key the catalog no longer knows.</summary>
    CatalogPrompt? Find(string key, ITurnContext turnContext);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Tests.Faults;

/// <summary>The raw stored document of one test-channel conversation, checked for loss and corruption after a fault.</summary>
internal static class StoredConversation
{
    public static string Key(string conversationId) => StorageKeys.Conversation(Channels.Test, conversationId)!;

    /// <summary>Reads the document and fails unless it is a JSON object whose dialog stack parses and is not empty.</summary>
    public static async Task<StoreItem> ReadIntactAsync(IStorage storage, string conversationId)
    {
        var key = Key(conversationId);
        var items = await storage.ReadAsync([key], CancellationToken.None);
        Assert.True(items.TryGetValue(key, out var item), "The conversation's stored state is gone.");

        var document = Assert.IsType<JsonObject>(JsonNode.Parse(item.Json));
        var dialogs = document["dialogs"]?.Deserialize(DialogJsonContext.Default.DialogState);
        Assert.NotNull(dialogs);
        Assert.NotEmpty(dialogs.DialogStack);
        return item;
    }
}

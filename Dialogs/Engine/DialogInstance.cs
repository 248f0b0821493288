using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// One entry of a stored dialog stack: the dialog's stable id, the JSON state it owns, and, for a
/// component dialog, its own inner stack. Plain JSON only, so stored conversations survive a deploy.
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; init; } = [];

    /// <summary>The inner stack of a component dialog; absent for every other dialog.</summary>
    public List<DialogInstance>? Stack { get; set; }

    /// <summary>
    /// The typed state a dialog deserialized this turn, so steps nested within one turn share one object
    /// instead of reading stale JSON. Never stored.
    /// </summary>
    [JsonIgnore]
    internal object? TypedState { get; set; }
}

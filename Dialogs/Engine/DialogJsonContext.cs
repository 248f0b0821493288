using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Source-generated JSON for everything the engine stores, so no reflection runs in a turn and no .NET
/// type name reaches storage. Create the state property with <c>DialogJsonContext.Default.DialogState</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DialogState))]
public sealed partial class DialogJsonContext : JsonSerializerContext;

/// <summary>The engine's own stored shapes, kept internal so they can change without touching callers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromptOptionsData))]
[JsonSerializable(typeof(string))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;

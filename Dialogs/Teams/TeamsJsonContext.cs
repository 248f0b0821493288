using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Teams;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CardActionResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Teams;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CardActionResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;

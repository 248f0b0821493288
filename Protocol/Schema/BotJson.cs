using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackCareBot.Protocol.Schema;

/// <summary>
/// The one serializer configuration for the wire: camelCase, nulls omitted, source-generated so a
/// turn does not pay for reflection.
/// </summary>
public static class BotJson
{
    public static JsonSerializerOptions Options => BotJsonContext.Default.Options;

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

    public static byte[] SerializeToUtf8(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationReference))]
public sealed partial class BotJsonContext : JsonSerializerContext;

/// <summary>
/// Writes UTC values with a trailing Z, as the spec asks of timestamp (A2043), and keeps any other offset,
/// which localTimestamp needs (A2050).
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Offset == TimeSpan.Zero ? value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}

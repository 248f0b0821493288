using System.Text.Json.Serialization;

namespace BackCareBot.Streaming;

/// <summary>Names one body stream that follows a request or response, in the JSON of its header payload.</summary>
/// <remarks>
/// Requests name the media type <c>type</c>; the JavaScript peer names it <c>contentType</c> in responses,
/// so both are read and only <c>type</c> is written.
/// </remarks>
public sealed record StreamDescription(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("length")] int? Length)
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    [JsonIgnore]
    public string? MediaType => Type ?? ContentType;
}

/// <summary>The JSON payload of a request frame.</summary>
public sealed record RequestPayload(
    [property: JsonPropertyName("verb")] string Verb,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("streams")] IReadOnlyList<StreamDescription>? Streams);

/// <summary>The JSON payload of a response frame.</summary>
public sealed record ResponsePayload(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("streams")] IReadOnlyList<StreamDescription>? Streams);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RequestPayload))]
[JsonSerializable(typeof(ResponsePayload))]
[JsonSerializable(typeof(VersionInfo))]
internal sealed partial class StreamingJsonContext : JsonSerializerContext;

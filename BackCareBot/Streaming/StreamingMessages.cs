namespace BackCareBot.Streaming;

/// <summary>One body of a request or response, held whole: activities are small, and a cap bounds them.</summary>
public sealed record StreamBody(string? ContentType, ReadOnlyMemory<byte> Content)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static StreamBody Json(ReadOnlyMemory<byte> utf8Json) => new(JsonContentType, utf8Json);
}

/// <summary>A request travelling either way over the socket, with its bodies.</summary>
public sealed record StreamingRequest(string Verb, string Path, IReadOnlyList<StreamBody> Bodies)
{
    public static StreamingRequest Create(string verb, string path, StreamBody? body = null) =>
        new(verb, path, body is null ? [] : [body]);
}

/// <summary>A response travelling either way over the socket, with its bodies.</summary>
public sealed record StreamingResponse(int StatusCode, IReadOnlyList<StreamBody> Bodies)
{
    public static StreamingResponse Status(int statusCode) => new(statusCode, []);

    public static StreamingResponse WithBody(int statusCode, StreamBody body) => new(statusCode, [body]);

    public bool IsSuccess => StatusCode is >= 200 and <= 299;
}

/// <summary>What the bot says about itself to <c>GET /api/version</c>.</summary>
public sealed record VersionInfo([property: System.Text.Json.Serialization.JsonPropertyName("userAgent")] string UserAgent);

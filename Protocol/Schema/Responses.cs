using System.Text.Json;

namespace BackCareBot.Protocol.Schema;

/// <summary>A channel's answer to a sent activity: the id it was given.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of a 200 answer to an expectReplies request.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The synchronous answer to an invoke activity, written as the HTTP response.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body);

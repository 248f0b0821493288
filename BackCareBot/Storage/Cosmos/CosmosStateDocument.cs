using System.Text.Json.Serialization;

namespace BackCareBot.Storage.Cosmos;

/// <summary>
/// One state item as Cosmos DB holds it. The state is kept as a JSON string, not a nested object,
/// because the store promises to hand back exactly the text it was given and Cosmos would normalise
/// numbers and whitespace in a nested object.
/// </summary>
internal sealed record CosmosStateDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("realId")] string Key,
    [property: JsonPropertyName("document")] string Json,
    [property: JsonPropertyName("updatedAt")] long UpdatedAtUnixMilliseconds);

/// <summary>A document read back with the ETag Cosmos DB gave this version of it.</summary>
internal sealed record CosmosItem(CosmosStateDocument Document, string ETag);

/// <summary>What the retention query needs: which item, and which version of it was found idle.</summary>
internal sealed record CosmosIdleItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("_etag")] string ETag);

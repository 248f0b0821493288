namespace BackCareBot.Protocol.State;

/// <summary>A stored JSON document and the ETag that identifies this version of it.</summary>
public sealed record StoreItem(string Json, string ETag)
{
    /// <summary>Pass as the expected ETag to overwrite whatever is stored.</summary>
    public const string AnyETag = "*";
}

namespace BackCareBot.Storage;

/// <summary>
/// A store that remembers when each document was last written, so state nobody has touched for a
/// while can be removed: conversations hold health information we should not keep for ever.
/// </summary>
public interface IExpiringStorage
{
    /// <summary>
    /// Deletes the documents last written before <paramref name="idleSince"/>, limited to keys that start
    /// with <paramref name="keyPrefixOrNull"/> when it is not null, and returns how many were deleted.
    /// </summary>
    Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct);
}

namespace BackCareBot.Protocol.State;

/// <summary>A write's ETag condition failed: someone else changed or created the document first.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
        : base("The stored document changed since it was read.")
    {
    }

    public StorageConflictException(string key)
        : base($"The stored document changed since it was read (key hash {KeyHash.Of(key)}).")
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

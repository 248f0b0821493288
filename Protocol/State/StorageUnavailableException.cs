namespace BackCareBot.Protocol.State;

/// <summary>
/// The store could not be reached or could not take the write (server down, file locked, disk full).
/// The stored documents are intact, as they were or, for a write whose acknowledgement was lost, wholly
/// rewritten, and the same operation may succeed once the store is back. So it is a reason to ask the
/// person to try again, never to "repair" their conversation by deleting it.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : base("The state store is unavailable.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

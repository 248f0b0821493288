namespace BackCareBot.Streaming;

/// <summary>The one-character frame types of the Bot Framework streaming protocol.</summary>
internal static class PayloadTypes
{
    public const char Request = 'A';
    public const char Response = 'B';
    public const char Stream = 'S';
    public const char CancelAll = 'X';
    public const char CancelStream = 'C';

    public static bool IsKnown(char type) => type is Request or Response or Stream or CancelAll or CancelStream;
}

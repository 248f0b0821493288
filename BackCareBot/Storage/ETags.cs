using System.Security.Cryptography;

namespace BackCareBot.Storage;

/// <summary>
/// Random ETags for providers whose writers may live in different processes, where a counter in one
/// process could hand out a value another process already used.
/// </summary>
internal static class ETags
{
    public static string NewRandom()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}

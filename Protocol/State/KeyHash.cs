using System.Security.Cryptography;
using System.Text;

namespace BackCareBot.Protocol.State;

/// <summary>
/// A short, stable, non-reversible tag for a storage key. Keys contain user and conversation ids,
/// which must never reach a log; the tag still lets an operator correlate log lines.
/// </summary>
public static class KeyHash
{
    public static string Of(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6));
}

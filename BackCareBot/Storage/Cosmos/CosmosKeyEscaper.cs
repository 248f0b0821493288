using System.Security.Cryptography;
using System.Text;

namespace BackCareBot.Storage.Cosmos;

/// <summary>
/// Turns a storage key into a Cosmos DB item id. Ids may not hold '/', '\', '?' or '#' and are at most
/// 255 characters, while our keys (channel/conversations/id) always hold '/'.
/// </summary>
/// <remarks>
/// Each forbidden character, and the escape character '*' itself, becomes '*' and two hex digits, so
/// distinct keys give distinct ids and the escaping can be undone. A key too long even so keeps a prefix
/// and gets "*h" and a hash, which plain escaping never produces; the item's realId field still holds
/// the full key, and reads check it.
/// </remarks>
internal static class CosmosKeyEscaper
{
    public const int MaxIdLength = 255;

    private const char Escape = '*';
    private const int HashedPrefixLength = 200;

    public static string ToId(string key)
    {
        var escaped = EscapeForbidden(key);
        if (escaped.Length <= MaxIdLength)
        {
            return escaped;
        }

        var prefixLength = char.IsHighSurrogate(escaped[HashedPrefixLength - 1]) ? HashedPrefixLength - 1 : HashedPrefixLength;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
        return string.Concat(escaped.AsSpan(0, prefixLength), "*h", hash);
    }

    private static string EscapeForbidden(string key)
    {
        if (key.AsSpan().IndexOfAny("/\\?#*") < 0)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 16);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '?' or '#' or Escape)
            {
                builder.Append(Escape).Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

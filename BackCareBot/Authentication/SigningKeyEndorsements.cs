using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BackCareBot.Authentication;

/// <summary>
/// Reads the non-standard "endorsements" array the Bot Framework puts on each key of its key set: the channels
/// that key may sign for. IdentityModel keeps unknown key members in <c>JsonWebKey.AdditionalData</c>, so no separate key-set download is needed.
/// </summary>
internal static class SigningKeyEndorsements
{
    private const string MemberName = "endorsements";

    public static bool Endorses(OpenIdConnectConfiguration configuration, string? keyId, string channelId)
    {
        if (keyId is null || configuration.JsonWebKeySet is null)
            return false;

        return configuration.JsonWebKeySet.Keys
            .Where(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal))
            .Any(key => key.AdditionalData.TryGetValue(MemberName, out var value)
                && Values(value).Contains(channelId, StringComparer.Ordinal));
    }

    // IdentityModel 8 keeps an unknown member as the JsonElement it read.
    private static IEnumerable<string> Values(object? value) =>
        value is JsonElement { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)
            : [];
}

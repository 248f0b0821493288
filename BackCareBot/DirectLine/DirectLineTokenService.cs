using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

/// <summary>
/// Issues and checks the built-in Direct Line's tokens: HS256 JWTs bound to one conversation and one user.
/// They are JWTs so that Web Chat, which decodes the token, takes the user id from its "user" claim.
/// A token's scope keeps a streamUrl's short-lived token from being used as a conversation token.
/// </summary>
public sealed class DirectLineTokenService
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = DecodeKey(_options.TokenSigningKey) ?? RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>A token for a conversation's REST calls, valid for the configured lifetime.</summary>
    public IssuedToken IssueConversationToken(string conversationId, string userId) =>
        Issue(conversationId, userId, DirectLineTokenScopes.Conversation, _options.TokenLifetime);

    /// <summary>The token inside a streamUrl, valid only long enough to open the socket.</summary>
    public IssuedToken IssueStreamToken(string conversationId, string userId) =>
        Issue(conversationId, userId, DirectLineTokenScopes.Stream, _options.StreamUrlLifetime);

    /// <summary>The token's claims when it is well formed, signed with this key, unexpired and of the scope asked for; otherwise null.</summary>
    public DirectLineTokenClaims? Validate(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[2]) || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        var expected = Sign(Encoding.UTF8.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), DirectLineTokenJsonContext.Default.TokenPayload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload is null || payload.Scope != scope || string.IsNullOrEmpty(payload.ConversationId) || string.IsNullOrEmpty(payload.User))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Expires);
        return expires > _time.GetUtcNow() ? new DirectLineTokenClaims(payload.ConversationId, payload.User, expires) : null;
    }

    /// <summary>The configured key's bytes, or null when it is not base64 of at least 32 bytes.</summary>
    internal static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }

    private IssuedToken Issue(string conversationId, string userId, string scope, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var expires = now + lifetime;
        var payload = new TokenPayload(conversationId, userId, scope, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, DirectLineTokenJsonContext.Default.TokenPayload));
        var signingInput = $"{Header}.{body}";
        var signature = Base64Url.EncodeToString(Sign(Encoding.UTF8.GetBytes(signingInput)));
        return new IssuedToken($"{signingInput}.{signature}", (int)lifetime.TotalSeconds);
    }

    private byte[] Sign(byte[] data) => HMACSHA256.HashData(_key, data);

    internal sealed record TokenPayload(
        [property: JsonPropertyName("conv")] string ConversationId,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("scp")] string Scope,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long Expires,
        [property: JsonPropertyName("jti")] string Nonce);
}

/// <summary>A signed token and how many seconds it lives (Direct Line's expires_in).</summary>
public sealed record IssuedToken(string Token, int ExpiresIn);

/// <summary>What a valid token vouches for.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset Expires);

/// <summary>What a token may be used for.</summary>
public static class DirectLineTokenScopes
{
    public const string Conversation = "conversation";
    public const string Stream = "stream";
}

[JsonSerializable(typeof(DirectLineTokenService.TokenPayload))]
internal sealed partial class DirectLineTokenJsonContext : JsonSerializerContext;

namespace BackCareBot.Authentication;

/// <summary>Fixed failure codes for logs and tests; the HTTP response carries none of them.</summary>
public static class AuthenticationFailure
{
    public const string MissingAuthorizationHeader = "MissingAuthorizationHeader";
    public const string InvalidScheme = "InvalidScheme";
    public const string MalformedToken = "MalformedToken";
    public const string MetadataUnavailable = "MetadataUnavailable";
    public const string InvalidSignature = "InvalidSignature";
    public const string UnknownSigningKey = "UnknownSigningKey";
    public const string InvalidAlgorithm = "InvalidAlgorithm";
    public const string InvalidIssuer = "InvalidIssuer";
    public const string InvalidAudience = "InvalidAudience";
    public const string Expired = "Expired";
    public const string NotYetValid = "NotYetValid";
    public const string InvalidToken = "InvalidToken";
    public const string MissingChannelId = "MissingChannelId";
    public const string ChannelNotEndorsed = "ChannelNotEndorsed";
    public const string MissingServiceUrl = "MissingServiceUrl";
    public const string ServiceUrlMismatch = "ServiceUrlMismatch";
    public const string UnsupportedTokenVersion = "UnsupportedTokenVersion";
    public const string AppIdMismatch = "AppIdMismatch";
    public const string NonLoopbackCaller = "NonLoopbackCaller";
}

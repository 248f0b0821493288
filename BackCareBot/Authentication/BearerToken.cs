using System.Diagnostics.CodeAnalysis;

namespace BackCareBot.Authentication;

/// <summary>Extracts the token from "Authorization: Bearer &lt;jwt&gt;"; like the Bot Connector, the scheme is case-sensitive.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    public static bool TryExtract(string? authorizationHeader, [NotNullWhen(true)] out string? token, [NotNullWhen(false)] out string? failure)
    {
        token = null;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            failure = AuthenticationFailure.MissingAuthorizationHeader;
            return false;
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal) || parts[1].Length == 0)
        {
            failure = AuthenticationFailure.InvalidScheme;
            return false;
        }

        token = parts[1];
        failure = null;
        return true;
    }
}

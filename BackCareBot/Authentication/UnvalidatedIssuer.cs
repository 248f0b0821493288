using System.Diagnostics.CodeAnalysis;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BackCareBot.Authentication;

/// <summary>
/// Reads "iss" without trusting it, only to choose which metadata and rules validate the token; a forged issuer
/// just selects a validator that will then reject the token.
/// </summary>
internal static class UnvalidatedIssuer
{
    private static readonly JsonWebTokenHandler Reader = new();

    public static bool TryRead(string token, [NotNullWhen(true)] out string? issuer)
    {
        issuer = null;
        if (!Reader.CanReadToken(token))
            return false;

        try
        {
            issuer = Reader.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return !string.IsNullOrEmpty(issuer);
    }
}

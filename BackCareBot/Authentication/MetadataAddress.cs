using System.Net;

namespace BackCareBot.Authentication;

/// <summary>
/// Signing keys must travel over TLS; plain http is tolerated only for a loopback host, where tests and
/// local tooling run their own metadata server.
/// </summary>
internal static class MetadataAddress
{
    public static bool IsAllowed(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(address));

    private static bool IsLoopbackHost(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && LoopbackAddress.Is(ip));
}

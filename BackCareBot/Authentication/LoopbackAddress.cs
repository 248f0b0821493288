using System.Net;

namespace BackCareBot.Authentication;

internal static class LoopbackAddress
{
    /// <summary>
    /// Kestrel on a dual-stack socket reports IPv4 callers as IPv4-mapped IPv6 (::ffff:127.0.0.1),
    /// which <see cref="IPAddress.IsLoopback"/> does not recognise on its own.
    /// </summary>
    public static bool Is(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}

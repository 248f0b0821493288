using System.Net;
using System.Net.Sockets;

namespace BackCareBot.RateLimiting;

/// <summary>The partition key of a client address.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// IPv4 as is (IPv4-mapped IPv6 unwrapped); IPv6 by its /64 prefix, since one subscriber usually holds a whole
    /// /64 and could otherwise step around the limit by changing the low bits.
    /// </summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

using Microsoft.IdentityModel.Protocols;

namespace BackCareBot.Authentication;

/// <summary>
/// Fetches OpenID metadata and key sets with a pooled client, and applies the https-or-loopback rule to every
/// address, including the jwks_uri that a metadata document points to.
/// </summary>
internal sealed class HttpClientFactoryDocumentRetriever(IHttpClientFactory clientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "BotAuthentication.Metadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !MetadataAddress.IsAllowed(uri))
            throw new InvalidOperationException("Refusing to fetch signing metadata over an insecure or invalid address.");

        using var client = clientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(uri, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}

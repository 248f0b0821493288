namespace BackCareBot.Connector;

/// <summary>
/// Builds Bot Connector v3 addresses. Ids are escaped because Teams ids hold ':', ';' and '@', and
/// exactly one '/' joins serviceUrl and "v3" whatever the channel sent.
/// </summary>
internal static class ConnectorUris
{
    public static Uri Activities(Uri serviceUrl, string conversationId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    public static Uri Activity(Uri serviceUrl, string conversationId, string activityId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");

    /// <summary>
    /// Parses a channel-supplied serviceUrl and refuses anything but http(s); plain http is allowed only in
    /// local development or to a loopback host, so a token never crosses the network in clear.
    /// </summary>
    public static Uri ParseServiceUrl(string serviceUrl, bool isLocalDevelopment)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException("The serviceUrl is not an absolute URL.", nameof(serviceUrl));
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("The serviceUrl must use http or https.", nameof(serviceUrl));
        }

        if (!isLocalDevelopment && !uri.IsLoopback)
        {
            throw new ArgumentException("The serviceUrl must use https outside local development.", nameof(serviceUrl));
        }

        return uri;
    }

    private static string Base(Uri serviceUrl) => serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
}

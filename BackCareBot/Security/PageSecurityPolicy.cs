using System.Text.RegularExpressions;
using BackCareBot.WebChat;
using Microsoft.Extensions.Options;

namespace BackCareBot.Security;

/// <summary>
/// The Content-Security-Policy and Permissions-Policy for the chat page and its files: only what Web Chat
/// needs, from this host, plus the configured avatar's origin and Azure's Direct Line when the page uses it.
/// The policy protects this host's own page; a clinic's page that embeds the chat has its own (see WebChat/README.md).
/// </summary>
internal sealed partial class PageSecurityPolicy
{
    private readonly string _beforeConnect;
    private readonly string _afterConnect;
    private readonly string _extraConnectSources;

    public PageSecurityPolicy(IOptions<WebChatOptions> webChat)
    {
        var options = webChat.Value;
        var avatarOrigin = Uri.TryCreate(options.Avatar, UriKind.Absolute, out var avatar) && avatar.Scheme is "https" or "http"
            ? " " + avatar.GetLeftPart(UriPartial.Authority)
            : string.Empty;

        // Each source was checked in Chromium by WebChatBrowserTests, which fails on any violation:
        // scripts are files on this host (Web Chat's bundle needs no eval), so injected markup cannot run;
        // Web Chat styles itself with CSS-in-JS, writing <style> elements at run time, hence 'unsafe-inline' for
        // styles only; it draws some images from blob: URLs it makes, and its icons (and a configured data:
        // avatar) are data: URLs.
        _beforeConnect =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
            $"img-src 'self' data: blob:{avatarOrigin}; ";

        // With a Direct Line secret the page talks to Azure's Direct Line over HTTPS and its WebSocket stream.
        _extraConnectSources = !string.IsNullOrWhiteSpace(options.DirectLineSecret) && options.DirectLineEndpoint.IsAbsoluteUri
            ? $" {options.DirectLineEndpoint.GetLeftPart(UriPartial.Authority)} wss://{options.DirectLineEndpoint.Authority}"
            : string.Empty;

        // Spoken replies may be played from blob: audio. The page is never framed: a site that wants the chat uses embed.js.
        _afterConnect = "; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

        PermissionsPolicy = options.EnableSpeech
            ? "microphone=(self), camera=(), geolocation=()"
            : "microphone=(), camera=(), geolocation=()";
    }

    public string PermissionsPolicy { get; }

    /// <summary>
    /// The policy for one request: the built-in Direct Line's WebSocket stream lives on the host the page came
    /// from, which older browsers do not count as 'self', so that host's ws: or wss: address is named.
    /// </summary>
    public string ContentSecurityPolicyFor(HttpRequest request)
    {
        var host = request.Host.Value;
        var ownSocket = host is not null && SafeHost().IsMatch(host)
            ? $" {(request.IsHttps ? "wss" : "ws")}://{host}"
            : string.Empty;
        return $"{_beforeConnect}connect-src 'self'{ownSocket}{_extraConnectSources}{_afterConnect}";
    }

    // The Host header is the caller's to choose; only a plain host[:port] may go into a header this host sends.
    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeHost();
}

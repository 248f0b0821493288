namespace BackCareBot.Security;

/// <summary>
/// Adds the browser security headers. Every response gets nosniff; the page, its static files and the
/// /webchat calls also get the content security policy and the rest. The machine-facing APIs (Bot
/// Connector, Direct Line, health) are never rendered by a browser, so a page policy would say nothing there.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, PageSecurityPolicy policy)
{
    private static readonly PathString[] MachinePaths = ["/api", "/v3", "/healthz"];

    public static bool IsMachinePath(PathString path) => MachinePaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts, so error and not-found answers written later get them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (!IsMachinePath(context.Request.Path))
            {
                headers.ContentSecurityPolicy = policy.ContentSecurityPolicyFor(context.Request);
                headers["Permissions-Policy"] = policy.PermissionsPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

using Microsoft.AspNetCore.HttpOverrides;

namespace BackCareBot.Security;

/// <summary>
/// The front of the request pipeline: the proxy's view of the request, HTTPS outside development, and the
/// browser security headers. Goes before everything else so every later component sees the real scheme.
/// </summary>
internal static class WebSecurityPipeline
{
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (App Service, our container template) makes the host itself
        // trust X-Forwarded-For/-Proto from any proxy, ahead of this pipeline; reading them twice would
        // consume a second hop. Without it only a proxy on this machine is trusted (the middleware's default).
        if (!bool.TryParse(app.Configuration["FORWARDEDHEADERS_ENABLED"], out var hostForwards) || !hostForwards)
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        }

        if (!app.Environment.IsDevelopment())
        {
            // HSTS is only sent over HTTPS and never for localhost, so plain-http local runs are unaffected.
            app.UseHsts();

            // Only people's browsers are sent to HTTPS. A redirect would break the machines: a channel's POST
            // to /api/messages does not follow a 307, and a container's health probe calls plain http inside
            // the TLS-terminating proxy. Without a known HTTPS port (plain http, or TLS ended at a proxy) the
            // middleware redirects nothing and says so once.
            app.UseWhen(
                context => !SecurityHeadersMiddleware.IsMachinePath(context.Request.Path),
                browser => browser.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}

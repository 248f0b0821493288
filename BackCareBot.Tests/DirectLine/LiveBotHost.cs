using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.DirectLine;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, a free port), for clients that run outside the
/// test process: DirectLineJS under Node and Chromium. In-memory state; a known token signing key so a
/// test can mint tokens the host will check.
/// </summary>
public sealed class LiveBotHost : WebApplicationFactory<Program>
{
    /// <summary>The key the host signs Direct Line tokens with.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    private string? _baseUrl;

    public LiveBotHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The host's address, e.g. http://127.0.0.1:41234; starts the host on first use.</summary>
    public string BaseUrl
    {
        get
        {
            if (_baseUrl is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
                _baseUrl = addresses.Single().TrimEnd('/');
            }

            return _baseUrl;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["MicrosoftAppId"] = string.Empty,
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}

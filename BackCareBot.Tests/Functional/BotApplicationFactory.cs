using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Functional;

/// <summary>
/// The real host in memory, on its embedded defaults but with in-memory state unless a test says otherwise.
/// The test server has no socket, so callers appear to come from loopback, as a local developer's would,
/// unless a test sets another address.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["Storage:Provider"] = "Memory",
        ["MicrosoftAppId"] = string.Empty,
    };

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Overrides a setting; only before the host starts (the first client or service request).</summary>
    public BotApplicationFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Changes the host's services after its own registrations (to replace or add); only before the host starts.</summary>
    public BotApplicationFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The address the host sees callers come from.</summary>
    public IPAddress RemoteAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressStartupFilter(() => RemoteAddress)));
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    private sealed class RemoteAddressStartupFilter(Func<IPAddress> address) : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

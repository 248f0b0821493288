using BackCareBot.Tests.Functional;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Streaming;

/// <summary>The real host on a real loopback socket (a WebSocket upgrade needs one), on a free port.</summary>
internal sealed class KestrelBotHost : IDisposable
{
    private KestrelBotHost(BotApplicationFactory factory)
    {
        Factory = factory;
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public BotApplicationFactory Factory { get; }

    public Uri BaseAddress { get; }

    public Uri MessagesSocket => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/api/messages" }.Uri;

    public static KestrelBotHost Start(Action<BotApplicationFactory>? configure = null)
    {
        var factory = new BotApplicationFactory();
        configure?.Invoke(factory);
        return new KestrelBotHost(factory);
    }

    public void Dispose() => Factory.Dispose();
}

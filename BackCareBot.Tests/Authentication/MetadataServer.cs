using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Authentication;

/// <summary>
/// A local stand-in for login.botframework.com and login.microsoftonline.com: OpenID metadata and key sets
/// on 127.0.0.1, with swappable keys and a count of every request.
/// </summary>
internal sealed class MetadataServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private volatile TestSigningKey[] _botFrameworkKeys;
    private volatile TestSigningKey[] _entraKeys;

    private MetadataServer(WebApplication app, TestSigningKey[] botFrameworkKeys, TestSigningKey[] entraKeys)
    {
        _app = app;
        _botFrameworkKeys = botFrameworkKeys;
        _entraKeys = entraKeys;
    }

    public string BaseAddress { get; private set; } = "";

    public string BotFrameworkMetadataUrl => $"{BaseAddress}/bf/openidconfiguration";

    public string EntraMetadataUrl => $"{BaseAddress}/entra/openid-configuration";

    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    public void PublishBotFrameworkKeys(params TestSigningKey[] keys) => _botFrameworkKeys = keys;

    public static async Task<MetadataServer> StartAsync(TestSigningKey[] botFrameworkKeys, TestSigningKey[] entraKeys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new MetadataServer(app, botFrameworkKeys, entraKeys);
        server.MapEndpoints();
        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');
        return server;
    }

    private void MapEndpoints()
    {
        _app.Use(async (context, next) =>
        {
            _requests.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
            await next(context);
        });
        _app.MapGet("/bf/openidconfiguration", () => Results.Json(Metadata("https://api.botframework.com", "/bf/keys")));
        _app.MapGet("/bf/keys", () => Results.Json(KeySet(_botFrameworkKeys)));
        _app.MapGet("/entra/openid-configuration", () => Results.Json(
            Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "/entra/keys")));
        _app.MapGet("/entra/keys", () => Results.Json(KeySet(_entraKeys)));
    }

    private Dictionary<string, object> Metadata(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = $"{BaseAddress}/authorize",
        ["jwks_uri"] = $"{BaseAddress}{keysPath}",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private static Dictionary<string, object> KeySet(TestSigningKey[] keys) =>
        new() { ["keys"] = keys.Select(key => key.ToJwk()).ToArray() };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

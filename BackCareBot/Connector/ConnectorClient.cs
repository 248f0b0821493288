using System.Net.Http.Headers;
using BackCareBot.Configuration;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace BackCareBot.Connector;

/// <summary>
/// Calls the Bot Connector REST API v3 over a typed HttpClient: builds the address, attaches the bearer
/// token, retries transient failures, and turns a final failure into a <see cref="ConnectorException"/>.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ConnectorResiliencePipeline _resilience;
    private readonly bool _isLocalDevelopment;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(
        HttpClient http,
        IBotTokenProvider tokens,
        ConnectorResiliencePipeline resilience,
        IOptions<BotIdentityOptions> identity,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _http = http;
        _tokens = tokens;
        _resilience = resilience;
        _isLocalDevelopment = identity.Value.IsLocalDevelopment;
        _logger = logger;
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorUris.Activities(ParseServiceUrl(serviceUrl), conversationId);
        return CallAsync("SendToConversation", HttpMethod.Post, uri, ConnectorPayload.WithoutId(activity), cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorUris.Activity(ParseServiceUrl(serviceUrl), conversationId, replyToId);
        return CallAsync("ReplyToActivity", HttpMethod.Post, uri, ConnectorPayload.WithoutId(activity), cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ConnectorUris.Activity(ParseServiceUrl(serviceUrl), conversationId, activityId);

        // An update names an existing activity, so its body keeps the id, as the Bot Framework SDK sends it.
        return CallAsync("UpdateActivity", HttpMethod.Put, uri, ConnectorPayload.WithId(activity), cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var uri = ConnectorUris.Activity(ParseServiceUrl(serviceUrl), conversationId, activityId);
        await CallAsync("DeleteActivity", HttpMethod.Delete, uri, body: null, cancellationToken).ConfigureAwait(false);
    }

    private Uri ParseServiceUrl(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        return ConnectorUris.ParseServiceUrl(serviceUrl, _isLocalDevelopment);
    }

    private async Task<ResourceResponse> CallAsync(string operation, HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorResiliencePipeline.OperationKey, operation);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _resilience.Pipeline.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    using var request = await CreateRequestAsync(method, uri, body, ctx.CancellationToken).ConfigureAwait(false);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            ConnectorLog.FailedWithoutAnswer(_logger, operation, exception.GetType().Name, attempts);
            throw new ConnectorException(attempts, exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                ConnectorLog.FailedWithStatus(_logger, operation, (int)response.StatusCode, attempts);
                throw new ConnectorException(response.StatusCode, attempts);
            }

            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ConnectorPayload.ReadResourceResponse(answer);
        }
    }

    // A fresh message per attempt: HttpClient refuses to send one twice, and the token may have been renewed.
    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}

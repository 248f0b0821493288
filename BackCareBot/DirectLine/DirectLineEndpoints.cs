using System.Globalization;
using System.Text.Json;
using BackCareBot.Authentication;
using BackCareBot.Endpoints;
using BackCareBot.Protocol.Schema;
using BackCareBot.RateLimiting;
using BackCareBot.WebChat;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 endpoint at the same paths as Azure's, so Web Chat and DirectLineJS
/// only change their domain. Every conversation call needs a token bound to that conversation.
/// </summary>
internal static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebChatCors();
        var group = app.MapGroup(BasePath).RequireCors(WebChatCors.PolicyName).RequireRateLimiting(RateLimitingExtensions.PerAddress);
        group.MapPost("/tokens/generate", GenerateToken);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);

        // A message is limited per conversation, where a red flag is let through; a clinic's patients sharing one
        // address must not get a 429 for "I have chest pain" from the address limit, which never reads the message.
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).DisableRateLimiting();
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return app;
    }

    // Open, like any public web chat page that hands out tokens: the ids are made here, never taken from the caller.
    private static IResult GenerateToken(DirectLineTokenService tokens)
    {
        var conversationId = DirectLineConversationStore.NewConversationId();
        var issued = tokens.IssueConversationToken(conversationId, DirectLineConversationStore.NewUserId());
        return Conversation(new ConversationResponse(conversationId, issued.Token, issued.ExpiresIn, null));
    }

    private static IResult RefreshToken(HttpRequest request, DirectLineTokenService tokens, DirectLineConversationStore store)
    {
        if (Authorize(request, tokens, conversationId: null) is not { } claims)
        {
            return Forbidden(request);
        }

        store.Find(claims.ConversationId);
        var issued = tokens.IssueConversationToken(claims.ConversationId, claims.UserId);
        return Conversation(new ConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresIn, null));
    }

    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineTokenService tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        string conversationId, userId;
        if (HasAuthorization(request))
        {
            if (Authorize(request, tokens, conversationId: null) is not { } claims)
            {
                return Forbidden(request);
            }

            (conversationId, userId) = (claims.ConversationId, claims.UserId);
        }
        else
        {
            (conversationId, userId) = (DirectLineConversationStore.NewConversationId(), DirectLineConversationStore.NewUserId());
        }

        var start = await ReadStartRequestAsync(request, cancellationToken);
        var (conversation, started) = await channel.StartAsync(conversationId, userId, start?.Locale, ServiceUrl(request), cancellationToken);
        var body = ConnectionFor(request, tokens, conversation, watermark: 0);
        return started
            ? Results.Json(body, DirectLineJsonContext.Default.ConversationResponse, statusCode: StatusCodes.Status201Created)
            : Conversation(body);
    }

    private static IResult Reconnect(string conversationId, HttpRequest request, DirectLineTokenService tokens, DirectLineConversationStore store)
    {
        if (Authorize(request, tokens, conversationId) is not { } claims)
        {
            return Forbidden(request);
        }

        return Conversation(ConnectionFor(request, tokens, store.Open(conversationId, claims.UserId), Watermark(request)));
    }

    private static IResult GetActivities(string conversationId, HttpRequest request, DirectLineTokenService tokens, DirectLineConversationStore store)
    {
        if (Authorize(request, tokens, conversationId) is not { } claims)
        {
            return Forbidden(request);
        }

        return Results.Bytes(store.Open(conversationId, claims.UserId).ActivitySetAfter(Watermark(request)), "application/json");
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId,
        HttpContext http,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        DirectLineChannel channel,
        ConversationRateLimiter conversationLimiter,
        IOptions<DirectLineOptions> options,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (Authorize(request, tokens, conversationId) is not { } claims)
        {
            return Forbidden(request);
        }

        var read = await ActivityRequestReader.ReadAsync(request, options.Value.MaxActivityBytes, fromChannel: false, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return Results.Problem(statusCode: read.StatusCode, title: read.Problem);
        }

        if (conversationLimiter.TryAcquire(Channels.WebChat, conversationId, activity) is { } retryAfter)
        {
            return TooManyRequests.Result(http, retryAfter, TooManyRequests.ConversationTitle);
        }

        // The replies land in the transcript, which the client reads separately: a client that stops waiting for
        // this post must not cancel a turn that may be writing the emergency advice.
        var conversation = store.Open(conversationId, claims.UserId);
        var id = await channel.PostAsync(conversation, activity, ServiceUrl(request), lifetime.ApplicationStopping);
        return Results.Json(new ResourceResponse(id), BotJsonContext.Default.ResourceResponse);
    }

    private static async Task<IResult> StreamAsync(
        string conversationId,
        HttpContext http,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        var claims = tokens.Validate(http.Request.Query["t"].ToString(), DirectLineTokenScopes.Stream);
        if (claims is null || claims.ConversationId != conversationId)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.BadRequest();
        }

        var (conversation, subscription) = store.Subscribe(conversationId, claims.UserId, Watermark(http.Request));
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await DirectLineStream.RunAsync(socket, subscription, options.Value.KeepAliveInterval, time, http.RequestAborted);
        }
        finally
        {
            conversation.Unsubscribe(subscription);
        }

        return Results.Empty;
    }

    private static ConversationResponse ConnectionFor(HttpRequest request, DirectLineTokenService tokens, DirectLineConversation conversation, long watermark)
    {
        var issued = tokens.IssueConversationToken(conversation.Id, conversation.UserId);
        var stream = tokens.IssueStreamToken(conversation.Id, conversation.UserId);
        var socketBase = ServiceUrl(request) is var serviceUrl && serviceUrl.StartsWith("https:", StringComparison.Ordinal)
            ? "wss:" + serviceUrl["https:".Length..]
            : "ws:" + serviceUrl["http:".Length..];
        var streamUrl = string.Create(
            CultureInfo.InvariantCulture,
            $"{socketBase}{BasePath}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(stream.Token)}&watermark={watermark}");
        return new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresIn, streamUrl);
    }

    private static bool HasAuthorization(HttpRequest request) => request.Headers.Authorization.Count > 0;

    private static DirectLineTokenClaims? Authorize(HttpRequest request, DirectLineTokenService tokens, string? conversationId)
    {
        if (!BearerToken.TryExtract(request.Headers.Authorization.ToString(), out var token, out _))
        {
            return null;
        }

        var claims = tokens.Validate(token, DirectLineTokenScopes.Conversation);
        return claims is not null && (conversationId is null || claims.ConversationId == conversationId) ? claims : null;
    }

    // Like Azure's Direct Line: no token at all is 401, a token that is expired, forged or for another conversation is 403.
    private static IResult Forbidden(HttpRequest request) =>
        Results.StatusCode(HasAuthorization(request) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);

    private static IResult Conversation(ConversationResponse body) => Results.Json(body, DirectLineJsonContext.Default.ConversationResponse);

    private static long Watermark(HttpRequest request) =>
        long.TryParse(request.Query["watermark"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var watermark) ? watermark : 0;

    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<ConversationStartRequest?> ReadStartRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 || request.ContentLength > 4096 || request.HasJsonContentType() is false)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, DirectLineJsonContext.Default.ConversationStartRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

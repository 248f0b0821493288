using System.Net.Http.Headers;
using System.Net.Http.Json;
using BackCareBot.DirectLine;
using Microsoft.Extensions.Options;

namespace BackCareBot.WebChat;

/// <summary>
/// Gives the page a Direct Line token for a new conversation: from Azure's Direct Line in exchange for the
/// secret when one is configured (the secret never leaves the server), otherwise from the built-in endpoint.
/// </summary>
internal sealed class WebChatTokenSource(
    IOptions<WebChatOptions> options,
    DirectLineTokenService builtInTokens,
    IHttpClientFactory httpClients)
{
    public const string HttpClientName = "DirectLineTokens";

    public bool UsesAzure => !string.IsNullOrWhiteSpace(options.Value.DirectLineSecret);

    public async Task<WebChatToken> CreateAsync(CancellationToken cancellationToken)
    {
        var userId = DirectLineConversationStore.NewUserId();
        if (!UsesAzure)
        {
            var conversationId = DirectLineConversationStore.NewConversationId();
            var issued = builtInTokens.IssueConversationToken(conversationId, userId);
            return new WebChatToken(conversationId, issued.Token, issued.ExpiresIn);
        }

        var endpoint = options.Value.DirectLineEndpoint.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{endpoint}/tokens/generate")
        {
            Content = JsonContent.Create(new TokenGenerateRequest(new TokenUser(userId)), WebChatJsonContext.Default.TokenGenerateRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.DirectLineSecret);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WebChatJsonContext.Default.WebChatToken, cancellationToken)
            ?? throw new InvalidOperationException("Direct Line answered tokens/generate with an empty body.");
    }
}

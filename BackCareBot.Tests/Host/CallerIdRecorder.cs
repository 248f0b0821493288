using System.Collections.Concurrent;
using BackCareBot.Protocol.Builder;

namespace BackCareBot.Tests.Host;

/// <summary>Bot middleware that notes the callerId each conversation's turns ran with, i.e. what the bot saw.</summary>
internal sealed class CallerIdRecorder : IMiddleware
{
    private readonly ConcurrentDictionary<string, string?> _seen = new(StringComparer.Ordinal);

    public bool TryGetSeen(string conversationId, out string? callerId) => _seen.TryGetValue(conversationId, out callerId);

    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        _seen[turnContext.Activity.Conversation?.Id ?? string.Empty] = turnContext.Activity.CallerId;
        return next(cancellationToken);
    }
}

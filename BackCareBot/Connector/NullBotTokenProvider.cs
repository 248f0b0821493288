namespace BackCareBot.Connector;

/// <summary>Local development has no app id, so replies go out without an Authorization header.</summary>
public sealed class NullBotTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

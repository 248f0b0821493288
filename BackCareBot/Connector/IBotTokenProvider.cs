namespace BackCareBot.Connector;

/// <summary>Supplies the bearer token the bot presents to the Bot Connector service.</summary>
public interface IBotTokenProvider
{
    /// <summary>A current access token, or null when the bot runs unauthenticated (local development).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

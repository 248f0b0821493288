using BackCareBot.Connector;

namespace BackCareBot.Tests.Connector;

/// <summary>Hands out a fixed token and counts how often it was asked.</summary>
internal sealed class FakeBotTokenProvider(string token) : IBotTokenProvider
{
    private int _calls;

    public int Calls => _calls;

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult<string?>(token);
    }
}

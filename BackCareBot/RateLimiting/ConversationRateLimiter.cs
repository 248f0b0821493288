using System.Threading.RateLimiting;
using BackCareBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BackCareBot.RateLimiting;

/// <summary>
/// A token bucket per conversation, consulted once an activity is read and its sender authenticated, before
/// the turn runs: one conversation flooding the bot cannot slow the others, whichever channel it comes from.
/// </summary>
internal sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ConversationRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Buckets are kept by a fixed-size hash of the conversation, so a caller's choice of huge ids costs no memory;
        // the partitioned limiter drops a bucket once it has been full and unused for a while.
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.PerConversationBurst,
            TokensPerPeriod = settings.PerConversationPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        }));
    }

    /// <summary>Takes one activity's permit: null when the turn may run, otherwise how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(string? channelId, string conversationId)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(KeyHash.Of($"{channelId?.ToUpperInvariant()}/{conversationId}"));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter?.Dispose();
}

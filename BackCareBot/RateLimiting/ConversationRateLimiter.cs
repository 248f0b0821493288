using System.Threading.RateLimiting;
using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Teams;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BackCareBot.RateLimiting;

/// <summary>
/// A token bucket per conversation, consulted once an activity is read and its sender authenticated, before
/// the turn runs: one conversation flooding the bot cannot slow the others, whichever channel it comes from.
/// A message that names any red flag is never held back: the emergency or urgent advice matters more than the limit.
/// That check uses the local recogniser only (authoritative for safety), so a flood never turns into a flood of cloud
/// calls.
/// </summary>
internal sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly IRecognizer _recognizer;
    private readonly TimeProvider _time;

    public ConversationRateLimiter(IOptions<RateLimitOptions> options, IRecognizer recognizer, TimeProvider time)
    {
        _recognizer = recognizer;
        _time = time;
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
    public TimeSpan? TryAcquire(string? channelId, string conversationId, Activity activity)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(KeyHash.Of($"{channelId?.ToUpperInvariant()}/{conversationId}"));
        if (lease.IsAcquired || AnswersABotQuestion(activity) || NamesARedFlag(activity))
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    // A button press answers one of the bot's own questions; a "yes" to a red-flag question must get through.
    private static bool AnswersABotQuestion(Activity activity) => CardActionInvoke.TryReadAnswer(activity, out _);

    private bool NamesARedFlag(Activity activity) =>
        activity.Text is { } text && _recognizer.Recognize(text, _time.GetUtcNow()).Level != RedFlagLevel.None;

    public void Dispose() => _limiter?.Dispose();
}

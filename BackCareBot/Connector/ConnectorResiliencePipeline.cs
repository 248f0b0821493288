using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BackCareBot.Connector;

/// <summary>
/// Retries a connector call the way Teams asks (its rate-limit guidance): exponential back-off with
/// jitter on 429, 412, 502, 503 and 504 and on network failures or timeouts, waiting as long as a
/// Retry-After header says (capped). Built once; time comes from the injected TimeProvider.
/// </summary>
public sealed class ConnectorResiliencePipeline
{
    /// <summary>The operation name a call puts in its context, for log lines.</summary>
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("BackCareBot.Connector.Operation");

    private static readonly HashSet<HttpStatusCode> RetryableStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorResiliencePipeline> _logger;
    private readonly TimeSpan _maxDelay;

    public ConnectorResiliencePipeline(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorResiliencePipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(ConnectorOptions.SectionName, typeof(ConnectorOptions), problems);
        }

        _time = time;
        _logger = logger;
        _maxDelay = settings.MaxDelay;
        MaxAttempts = settings.MaxAttempts;

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    ConnectorLog.Retrying(_logger, OperationOf(args.Context), args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        // Inside the retry, so each attempt gets its own time limit and a timed-out attempt is retried.
        Pipeline = builder.AddTimeout(settings.Timeout).Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public int MaxAttempts { get; }

    internal static bool IsRetryable(HttpStatusCode statusCode) => RetryableStatuses.Contains(statusCode);

    internal static string OperationOf(ResilienceContext context) =>
        context.Properties.TryGetValue(OperationKey, out var operation) ? operation : "request";

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsRetryable(response.StatusCode),
        _ => false,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? ConnectorLog.Describe(response.StatusCode) : outcome.Exception?.GetType().Name ?? "nothing";

    // Null lets Polly compute the exponential delay; a server's own wish wins but never exceeds MaxDelay.
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wanted = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => null,
        };

        if (wanted is not { } delay)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _maxDelay ? _maxDelay : delay;
    }
}

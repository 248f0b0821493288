namespace BackCareBot.Connector;

/// <summary>How hard the connector client tries before giving up; bound from the "Connector" section.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Attempts per request, the first included; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off delay; later ones grow exponentially (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this, including one a Retry-After header asks for.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxAttempts is < 1 or > 20)
        {
            problems.Add("Connector:MaxAttempts must be between 1 and 20.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add("Connector:BaseDelay must be between 0 and 10 minutes.");
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add("Connector:MaxDelay must be at least BaseDelay and at most 10 minutes.");
        }

        // Polly's timeout strategy accepts nothing shorter than 10 ms or longer than a day.
        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromDays(1))
        {
            problems.Add("Connector:Timeout must be between 10 ms and 1 day.");
        }

        return problems;
    }
}

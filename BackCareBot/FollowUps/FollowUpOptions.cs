namespace BackCareBot.FollowUps;

/// <summary>The "FollowUp" configuration section: the check-in some time after a triage.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUp";

    /// <summary>False switches the offer and the check-ins off; check-ins already scheduled are then not sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after the triage the check-in comes.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often the host looks for check-ins that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed check-in waits before it is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts before a check-in that keeps failing (the chat was deleted, say) is dropped.</summary>
    public int MaxAttempts { get; set; } = 3;
}

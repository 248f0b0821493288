using BackCareBot.Storage;
using Microsoft.Extensions.Options;

namespace BackCareBot.FollowUps;

/// <summary>
/// Checks the follow-up settings at start-up. The delay must be shorter than the storage retention: the idle
/// state janitor deletes anything untouched for that long, pending check-ins included.
/// </summary>
internal sealed class FollowUpOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        var problems = new List<string>();
        var retention = TimeSpan.FromDays(storage.Value.RetentionDays);
        if (options.Delay < TimeSpan.FromMinutes(1) || options.Delay >= retention)
        {
            problems.Add($"FollowUp:Delay must be at least a minute and shorter than Storage:RetentionDays ({retention.TotalDays} days).");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromHours(1))
        {
            problems.Add("FollowUp:PollInterval must be between 10 ms and 1 hour.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromDays(1))
        {
            problems.Add("FollowUp:RetryDelay must be between 0 and 1 day.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            problems.Add("FollowUp:MaxAttempts must be between 1 and 10.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.Extensions.Options;

namespace BackCareBot.Authentication;

/// <summary>Fails start-up on metadata addresses that would let a network attacker substitute signing keys.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var failures = new List<string>();
        CheckMetadataUrl(options.BotFrameworkOpenIdMetadataUrl, nameof(options.BotFrameworkOpenIdMetadataUrl), failures);
        CheckMetadataUrl(options.EntraOpenIdMetadataUrl, nameof(options.EntraOpenIdMetadataUrl), failures);
        if (string.IsNullOrWhiteSpace(options.BotFrameworkIssuer))
            failures.Add($"{BotAuthenticationOptions.SectionName}:{nameof(options.BotFrameworkIssuer)} is required.");
        if (options.MetadataAutomaticRefreshInterval < TimeSpan.FromMinutes(5))
            failures.Add($"{BotAuthenticationOptions.SectionName}:{nameof(options.MetadataAutomaticRefreshInterval)} must be at least 5 minutes.");
        if (options.MetadataRefreshInterval < TimeSpan.FromSeconds(1))
            failures.Add($"{BotAuthenticationOptions.SectionName}:{nameof(options.MetadataRefreshInterval)} must be at least 1 second.");
        if (options.MetadataFetchTimeout <= TimeSpan.Zero)
            failures.Add($"{BotAuthenticationOptions.SectionName}:{nameof(options.MetadataFetchTimeout)} must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckMetadataUrl(string value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !MetadataAddress.IsAllowed(uri))
            failures.Add($"{BotAuthenticationOptions.SectionName}:{key} must be an absolute https URL (http is allowed for loopback hosts only).");
    }
}

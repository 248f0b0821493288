using Microsoft.Extensions.Options;

namespace BackCareBot.RateLimiting;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.PerAddressPermitsPerMinute < 1 || options.PerConversationBurst < 1 || options.PerConversationPerSecond < 1
            ? ValidateOptionsResult.Fail("RateLimits:PerAddressPermitsPerMinute, PerConversationBurst and PerConversationPerSecond must be at least 1.")
            : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Options;

namespace BackCareBot.Configuration;

/// <summary>Fails start-up with a sentence an operator can act on when the bot's identity settings don't fit together.</summary>
internal sealed class BotIdentityOptionsValidator : IValidateOptions<BotIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, BotIdentityOptions options)
    {
        if (options.IsLocalDevelopment)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
        }

        switch (options.MicrosoftAppType)
        {
            case BotAppType.MultiTenant when string.IsNullOrWhiteSpace(options.MicrosoftAppPassword):
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                break;
            case BotAppType.SingleTenant:
                if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                {
                    failures.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                }

                if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                {
                    failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: the managed identity needs no secret.");
                }

                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey) && DirectLineTokenService.DecodeKey(options.TokenSigningKey) is null)
        {
            failures.Add("DirectLine:TokenSigningKey must be base64 of at least 32 bytes.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.StreamUrlLifetime <= TimeSpan.Zero || options.KeepAliveInterval <= TimeSpan.Zero)
        {
            failures.Add("DirectLine:TokenLifetime, StreamUrlLifetime and KeepAliveInterval must be positive.");
        }

        if (options.MaxConversations < 1 || options.MaxActivitiesPerConversation < 1 || options.MaxTranscriptBytes < 1 || options.MaxActivityBytes < 1024)
        {
            failures.Add("DirectLine limits must be positive (MaxActivityBytes at least 1024).");
        }

        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            failures.Add("DirectLine:BotId must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace BackCareBot.Dialogs.Recognition.Cloud;

/// <summary>
/// Optional Azure Language endpoint for Text Analytics for Health. Configuration section "Recognition:Cloud":
/// Endpoint and ApiKey; when either is missing the bot runs on the local recogniser alone.
/// </summary>
public sealed class TextAnalyticsHealthOptions
{
    public const string SectionName = "Recognition:Cloud";

    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The whole cloud call, submit and polling, must finish within this or the local result stands alone.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(ApiKey);
}

using Azure;

namespace BackCareBot.Dialogs.Recognition.Cloud;

/// <summary>
/// Runs the local recogniser, then, within a short timeout, Text Analytics for Health. Each affirmed cloud
/// entity is read through the local vocabulary; a red flag found that way is added, so the cloud can raise the
/// level but never lower it or remove a flag. Any cloud failure or timeout leaves the local result as it is.
/// </summary>
public sealed class CloudEnrichedRecognizer(IRecognizer local, TextAnalyticsHealthClient cloud, TextAnalyticsHealthOptions options, string language = "en")
{
    public async Task<RecognitionResult> RecognizeAsync(string text, DateTimeOffset referenceTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = local.Recognize(text, referenceTime);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        IReadOnlyList<HealthEntity> entities;
        try
        {
            entities = await cloud.AnalyzeAsync(text, language, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the cloud did wrong (a timeout, a bad header, a malformed body), the local reading stands:
            // an enrichment error must never cost the person the red flags already found.
            return result;
        }

        return Merge(result, entities, referenceTime);
    }

    /// <summary>Adds red flags read from affirmed cloud entities; never removes or lowers anything.</summary>
    public RecognitionResult Merge(RecognitionResult localResult, IEnumerable<HealthEntity> entities, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(localResult);
        ArgumentNullException.ThrowIfNull(entities);
        return localResult.WithRedFlags(entities.Where(e => e.IsAffirmedForSubject).SelectMany(e => local.Recognize(e.Text, referenceTime).RedFlags));
    }
}

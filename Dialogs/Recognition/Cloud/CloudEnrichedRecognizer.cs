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
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or System.Text.Json.JsonException
            or KeyNotFoundException or InvalidOperationException or HttpRequestException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return result;
        }

        return Merge(result, entities, referenceTime);
    }

    /// <summary>Adds red flags read from affirmed cloud entities; never removes or lowers anything.</summary>
    public RecognitionResult Merge(RecognitionResult localResult, IEnumerable<HealthEntity> entities, DateTimeOffset referenceTime)
    {
        ArgumentNullException.ThrowIfNull(localResult);
        ArgumentNullException.ThrowIfNull(entities);
        var flags = localResult.RedFlags.ToList();
        foreach (var entity in entities.Where(e => e.IsAffirmedForSubject))
        {
            foreach (var flag in local.Recognize(entity.Text, referenceTime).RedFlags)
            {
                if (!flags.Any(f => f.Id == flag.Id))
                {
                    flags.Add(flag);
                }
            }
        }

        if (flags.Count == localResult.RedFlags.Count)
        {
            return localResult;
        }

        var level = flags.Max(f => f.Level);
        return localResult with
        {
            Level = level > localResult.Level ? level : localResult.Level,
            RedFlags = flags,
            IgnoredFlags = [.. localResult.IgnoredFlags.Where(i => !flags.Any(f => f.Id == i.Id))],
        };
    }
}

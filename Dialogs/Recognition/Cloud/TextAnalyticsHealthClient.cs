using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace BackCareBot.Dialogs.Recognition.Cloud;

/// <summary>
/// A minimal Text Analytics for Health client over the documented REST API on Azure.Core's pipeline:
/// POST {endpoint}/language/analyze-text/jobs (kind "Healthcare"), then poll the operation-location until the
/// job has succeeded, and read the first document's entities.
/// </summary>
public sealed class TextAnalyticsHealthClient
{
    private const string ApiVersion = "2023-04-01";
    private readonly HttpPipeline _pipeline;
    private readonly Uri _jobsUri;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;

    public TextAnalyticsHealthClient(TextAnalyticsHealthOptions options, TimeProvider time, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Recognition:Cloud needs an Endpoint and an ApiKey.", nameof(options));
        }

        var clientOptions = new HealthClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        _pipeline = HttpPipelineBuilder.Build(
            clientOptions,
            [new SubscriptionKeyPolicy(options.ApiKey!)],
            [],
            new ResponseClassifier());
        _jobsUri = new Uri(options.Endpoint!, $"language/analyze-text/jobs?api-version={ApiVersion}");
        _pollInterval = options.PollInterval;
        _time = time;
    }

    public async Task<IReadOnlyList<HealthEntity>> AnalyzeAsync(string text, string language, CancellationToken cancellationToken)
    {
        using var submit = _pipeline.CreateMessage();
        submit.Request.Method = RequestMethod.Post;
        submit.Request.Uri.Reset(_jobsUri);
        submit.Request.Headers.Add("Content-Type", "application/json");
        submit.Request.Content = RequestContent.Create(JobRequest(text, language));
        await _pipeline.SendAsync(submit, cancellationToken).ConfigureAwait(false);
        if (submit.Response.Status != 202 || !submit.Response.Headers.TryGetValue("operation-location", out var location))
        {
            throw new RequestFailedException(submit.Response);
        }

        while (true)
        {
            using var poll = _pipeline.CreateMessage();
            poll.Request.Method = RequestMethod.Get;
            poll.Request.Uri.Reset(new Uri(location!));
            await _pipeline.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            if (poll.Response.Status != 200)
            {
                throw new RequestFailedException(poll.Response);
            }

            using var job = await JsonDocument.ParseAsync(poll.Response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
            var status = job.RootElement.GetProperty("status").GetString();
            if (status == "succeeded")
            {
                return ReadEntities(job.RootElement);
            }

            if (status is "failed" or "cancelled" or "cancelling")
            {
                throw new RequestFailedException($"Text Analytics for Health job {status}.");
            }

            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static BinaryData JobRequest(string text, string language)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("analysisInput");
            writer.WriteStartArray("documents");
            writer.WriteStartObject();
            writer.WriteString("id", "1");
            writer.WriteString("language", language);
            writer.WriteString("text", text);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("tasks");
            writer.WriteStartObject();
            writer.WriteString("kind", "Healthcare");
            writer.WriteString("taskName", "backcare");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new BinaryData(stream.ToArray());
    }

    private static List<HealthEntity> ReadEntities(JsonElement job)
    {
        var entities = new List<HealthEntity>();
        var items = job.GetProperty("tasks").GetProperty("items");
        if (items.GetArrayLength() == 0)
        {
            return entities;
        }

        var documents = items[0].GetProperty("results").GetProperty("documents");
        if (documents.GetArrayLength() == 0)
        {
            return entities;
        }

        foreach (var entity in documents[0].GetProperty("entities").EnumerateArray())
        {
            string? certainty = null, conditionality = null, association = null;
            if (entity.TryGetProperty("assertion", out var assertion))
            {
                certainty = Optional(assertion, "certainty");
                conditionality = Optional(assertion, "conditionality");
                association = Optional(assertion, "association");
            }

            entities.Add(new HealthEntity(
                Optional(entity, "category") ?? "", Optional(entity, "text") ?? "", certainty, conditionality, association));
        }

        return entities;
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class HealthClientOptions : ClientOptions;
}

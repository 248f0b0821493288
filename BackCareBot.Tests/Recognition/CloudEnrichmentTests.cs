using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Recognition.Cloud;

namespace BackCareBot.Tests.Recognition;

public sealed class CloudEnrichmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Recognizer> Local = new(Recognizer.CreateDefault);

    [Fact]
    public async Task AnalyzeAsync_DocumentedJobFlow_ReturnsEntitiesWithAssertions()
    {
        await using var server = FakeLanguageService.Start(Entity("SymptomOrSign", "incontinence", certainty: "positive"), Entity("Diagnosis", "cancer", association: "other"));
        var client = new TextAnalyticsHealthClient(server.Options, TimeProvider.System);

        var entities = await client.AnalyzeAsync("some text", "en", CancellationToken.None);

        Assert.Equal(2, entities.Count);
        Assert.True(entities[0].IsAffirmedForSubject);
        Assert.False(entities[1].IsAffirmedForSubject);
        Assert.Equal("secret-key", server.LastKey);
        Assert.Equal("Healthcare", server.LastTaskKind);
        Assert.True(server.Polls >= 2);
    }

    [Fact]
    public async Task RecognizeAsync_CloudFindsAffirmedRedFlag_RaisesLevel()
    {
        await using var server = FakeLanguageService.Start(Entity("SymptomOrSign", "incontinence", certainty: "positive"));
        var enriched = new CloudEnrichedRecognizer(Local.Value, new TextAnalyticsHealthClient(server.Options, TimeProvider.System), server.Options);

        var result = await enriched.RecognizeAsync("things have been embarrassing downstairs", Now, CancellationToken.None);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
        Assert.Contains(result.RedFlags, f => f.Id == "bladder_control");
    }

    [Fact]
    public async Task RecognizeAsync_CloudEntityNegatedOrHypothetical_AddsNothing()
    {
        await using var server = FakeLanguageService.Start(
            Entity("SymptomOrSign", "incontinence", certainty: "negative"),
            Entity("SymptomOrSign", "chest pain", conditionality: "hypothetical"));
        var enriched = new CloudEnrichedRecognizer(Local.Value, new TextAnalyticsHealthClient(server.Options, TimeProvider.System), server.Options);

        var result = await enriched.RecognizeAsync("my back is sore", Now, CancellationToken.None);

        Assert.Equal(RedFlagLevel.None, result.Level);
    }

    [Fact]
    public async Task RecognizeAsync_CloudSilentOnLocalEmergency_NeverLowers()
    {
        await using var server = FakeLanguageService.Start();
        var enriched = new CloudEnrichedRecognizer(Local.Value, new TextAnalyticsHealthClient(server.Options, TimeProvider.System), server.Options);

        var result = await enriched.RecognizeAsync("no fever but I can't pee", Now, CancellationToken.None);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
    }

    [Fact]
    public async Task RecognizeAsync_CloudTooSlow_ReturnsLocalResult()
    {
        await using var server = FakeLanguageService.Start(Entity("SymptomOrSign", "incontinence", certainty: "positive"));
        server.NeverFinish = true;
        server.Options.Timeout = TimeSpan.FromMilliseconds(300);
        var enriched = new CloudEnrichedRecognizer(Local.Value, new TextAnalyticsHealthClient(server.Options, TimeProvider.System), server.Options);

        var result = await enriched.RecognizeAsync("my legs keep giving way", Now, CancellationToken.None);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
        Assert.DoesNotContain(result.RedFlags, f => f.Id == "bladder_control");
    }

    [Fact]
    public async Task RecognizeAsync_CloudAnswersWithABadJobAddress_ReturnsLocalResult()
    {
        await using var server = FakeLanguageService.Start(Entity("SymptomOrSign", "incontinence", certainty: "positive"));
        server.BadJobAddress = true;
        var enriched = new CloudEnrichedRecognizer(Local.Value, new TextAnalyticsHealthClient(server.Options, TimeProvider.System), server.Options);

        var result = await enriched.RecognizeAsync("I can't control my bladder", Now, CancellationToken.None);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
        Assert.Contains(result.RedFlags, f => f.Id == "bladder_control");
    }

    private static string Entity(string category, string text, string? certainty = null, string? conditionality = null, string? association = null)
    {
        var assertion = new List<string>();
        if (certainty is not null) { assertion.Add($"\"certainty\":\"{certainty}\""); }
        if (conditionality is not null) { assertion.Add($"\"conditionality\":\"{conditionality}\""); }
        if (association is not null) { assertion.Add($"\"association\":\"{association}\""); }
        var assertionJson = assertion.Count > 0 ? $",\"assertion\":{{{string.Join(',', assertion)}}}" : "";
        return $"{{\"offset\":0,\"length\":{text.Length},\"text\":\"{text}\",\"category\":\"{category}\",\"confidenceScore\":0.9{assertionJson}}}";
    }

    /// <summary>An HttpListener on 127.0.0.1 answering in the documented analyze-text job format.</summary>
    private sealed class FakeLanguageService : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly string[] _entities;
        private readonly Task _loop;
        private readonly string _baseUri;

        private FakeLanguageService(string[] entities)
        {
            _entities = entities;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _baseUri = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(_baseUri);
            _listener.Start();
            Options = new TextAnalyticsHealthOptions { Endpoint = new Uri(_baseUri), ApiKey = "secret-key", PollInterval = TimeSpan.FromMilliseconds(10) };
            _loop = Task.Run(ServeAsync);
        }

        public TextAnalyticsHealthOptions Options { get; }
        public string? LastKey { get; private set; }
        public string? LastTaskKind { get; private set; }
        public int Polls { get; private set; }
        public bool NeverFinish { get; set; }

        /// <summary>Accept the job but answer with an operation-location that is no address at all.</summary>
        public bool BadJobAddress { get; set; }

        public static FakeLanguageService Start(params string[] entities) => new(entities);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                LastKey = context.Request.Headers["Ocp-Apim-Subscription-Key"];
                if (context.Request.HttpMethod == "POST" && context.Request.Url!.AbsolutePath == "/language/analyze-text/jobs")
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                    LastTaskKind = body.RootElement.GetProperty("tasks")[0].GetProperty("kind").GetString();
                    context.Response.StatusCode = 202;
                    context.Response.Headers["operation-location"] = BadJobAddress ? "::not a uri::" : $"{_baseUri}language/analyze-text/jobs/job-1?api-version=2023-04-01";
                    context.Response.Close();
                    continue;
                }

                Polls++;
                var status = NeverFinish || Polls < 2 ? "running" : "succeeded";
                var json = $"{{\"jobId\":\"job-1\",\"status\":\"{status}\",\"tasks\":{{\"completed\":1,\"failed\":0,\"inProgress\":0,\"total\":1,\"items\":[{{\"kind\":\"HealthcareLROResults\",\"status\":\"succeeded\",\"results\":{{\"documents\":[{{\"id\":\"1\",\"entities\":[{string.Join(',', _entities)}],\"relations\":[],\"warnings\":[]}}],\"errors\":[],\"modelVersion\":\"2023-04-01\"}}}}]}}}}";
                var bytes = Encoding.UTF8.GetBytes(json);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                try
                {
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    // The client gave up on this poll (the too-slow test's timeout); the next request is served as usual.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}

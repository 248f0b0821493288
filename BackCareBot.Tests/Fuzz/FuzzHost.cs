using System.Net.Http.Headers;
using System.Net.Http.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Fuzz;

/// <summary>
/// The real host for fuzzing: in-memory state, a stand-in connector on 127.0.0.1 for replies that are not
/// expectReplies, and the rate limits off (the fuzzer floods one conversation on purpose).
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    /// <summary>The hang detector: no single request may take longer. Generous, since two cores are shared.</summary>
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(20);

    private readonly ErrorLog _errors = new();
    private BotApplicationFactory _factory = null!;

    internal RecordingConnectorServer Connector { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    internal IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        Connector = await RecordingConnectorServer.StartAsync();
        _factory = new BotApplicationFactory()
            .With("RateLimits:Enabled", "false")
            .With("Connector:MaxAttempts", "1")
            .With("Logging:LogLevel:Default", "Warning")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_errors));
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>Posts every case; fails listing each one answered 5xx (but 501), that hung, or that made the host log an exception.</summary>
    internal async Task AssertSurvivesAsync(IEnumerable<FuzzCase> cases, string path, string? bearerToken = null)
    {
        _errors.Clear();
        var failures = new List<string>();
        var count = 0;
        foreach (var fuzzCase in cases)
        {
            count++;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(fuzzCase.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (bearerToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            }

            using var bound = new CancellationTokenSource(RequestBound);
            try
            {
                using var response = await Client.SendAsync(request, bound.Token);
                await response.Content.ReadAsByteArrayAsync(bound.Token);
                // 501 is the protocol's answer to an invoke no handler took, not a failure.
                if ((int)response.StatusCode >= 500 && response.StatusCode != System.Net.HttpStatusCode.NotImplemented)
                {
                    failures.Add($"{(int)response.StatusCode}: {fuzzCase}");
                }
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                failures.Add($"no answer within {RequestBound.TotalSeconds} s: {fuzzCase}");
            }
        }

        failures.AddRange(_errors.Errors.Select(error => $"logged: {error}"));
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {count} cases:\n{string.Join('\n', failures.Take(25))}");
        Assert.True(count > 0, "no cases were generated");
        await AssertStillAnswersAsync();
    }

    /// <summary>A normal turn in a fresh conversation still gets the bot's welcome and question.</summary>
    internal async Task AssertStillAnswersAsync()
    {
        var activity = MessagesRequests.Message($"after-fuzz-{Guid.NewGuid():N}", "my lower back hurts");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var bound = new CancellationTokenSource(RequestBound);
        using var response = await Client.PostAsync(MessagesRequests.Messages, JsonContent.Create(activity, BotJsonContext.Default.Activity), bound.Token);
        Assert.NotEmpty((await response.ReadRepliesAsync()).Messages());
    }
}

using System.Diagnostics;
using Activity = BackCareBot.Protocol.Schema.Activity;
using System.Net;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.LoadTest;

/// <summary>
/// Runs N simulated people, each playing scripted conversations back to back with deliveryMode
/// expectReplies, for a fixed time after a warm-up, and measures every turn. Without a rate each person
/// answers as soon as the bot replies (the most the host can do); with one, the people together send that
/// many turns a second (the latency at a given load).
/// </summary>
internal sealed class LoadRunner(LoadOptions options)
{
    public async Task<LoadReport> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var memory = options.HostProcessId is { } pid ? new PeakMemorySampler(pid) : null;

        using var warmup = new CancellationTokenSource(options.Warmup);
        await RunPeopleAsync(client, new Recorder(), warmup.Token);

        var recorder = new Recorder();
        memory?.Start();
        var clock = Stopwatch.StartNew();
        using var measured = new CancellationTokenSource(options.Duration);
        await RunPeopleAsync(client, recorder, measured.Token);
        clock.Stop();
        var peak = memory is null ? (long?)null : await memory.StopAsync();
        return recorder.Report(options, clock.Elapsed, peak);
    }

    private async Task RunPeopleAsync(HttpClient client, Recorder recorder, CancellationToken stop)
    {
        var pacing = options.Rate is { } rate
            ? new Pacing(new Pacer(rate, options.Concurrency, Stopwatch.GetTimestamp()), new SlotWaiter(stop))
            : null;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency)
            .Select(person => Task.Run(() => PersonAsync(client, recorder, pacing, person, stop), CancellationToken.None)));
    }

    private static async Task PersonAsync(HttpClient client, Recorder recorder, Pacing? pacing, int person, CancellationToken stop)
    {
        var conversationNumber = 0;
        var turn = 0L;
        while (!stop.IsCancellationRequested)
        {
            var script = Script.Conversations[(person + conversationNumber) % Script.Conversations.Count];
            var conversationId = $"load-{person}-{conversationNumber++}-{Guid.NewGuid():N}";
            foreach (var text in script)
            {
                long? slot = null;
                if (pacing is not null)
                {
                    var due = pacing.Pacer.Slot(person, turn++);
                    slot = due;
                    await pacing.Slots.WaitForAsync(due);
                }

                if (stop.IsCancellationRequested)
                {
                    return;
                }

                var (answerTime, ok) = await TurnAsync(client, conversationId, person, text);
                recorder.Record(slot is { } from ? Stopwatch.GetElapsedTime(from) : answerTime, answerTime, ok);
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, bool Ok)> TurnAsync(HttpClient client, string conversationId, int person, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channels.Test,
            ServiceUrl = "https://load.invalid/",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = $"person-{person}" },
            Recipient = new ChannelAccount { Id = "bot" },
            Text = text,
            Locale = "en-GB",
            DeliveryMode = DeliveryModes.ExpectReplies,
        };

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(BotJson.SerializeToUtf8(activity));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ok = response.StatusCode == HttpStatusCode.OK && body.AsSpan().IndexOf("\"activities\""u8) >= 0;
            return (Stopwatch.GetElapsedTime(started), ok);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (Stopwatch.GetElapsedTime(started), false);
        }
    }

    /// <summary>A fixed rate: when each person's turns are due, and what wakes them then.</summary>
    private sealed record Pacing(Pacer Pacer, SlotWaiter Slots);
}

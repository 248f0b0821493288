using System.Net;
using Xunit.Abstractions;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Storage;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.ScaleOut;

/// <summary>
/// Two bot processes behind an imaginary load balancer without sticky sessions, sharing one PostgreSQL
/// store. Each process serialises the turns of a conversation it receives, but nothing serialises turns
/// across processes except the store's ETags, so these tests show that those alone keep a conversation whole.
/// </summary>
[Collection(PostgresServerCollection.Name)]
public sealed class ScaleOutTests(PostgresServerFixture server, ITestOutputHelper output)
{
    private static readonly string[] OnsetAndSeverityQuestions = ["askOnsetWhen", "askOnsetHow", "askLocation", "askSeverity"];

    [Fact]
    public async Task Triage_TurnsAlternateBetweenTwoProcesses_EveryReplyIsTheNextStep()
    {
        await using var hosts = await TwoHosts.StartAsync(server.ConnectionString);
        var chat = new SharedConversation();

        var turn = await chat.StartAsync(hosts[0]);
        AssertLastMessageSays(turn, OnsetAndSeverityQuestions[0]);

        for (var i = 0; i < TriageScript.ToSymptoms.Count; i++)
        {
            turn = await chat.SayAsync(hosts[i + 1], TriageScript.ToSymptoms[i]);
            if (i + 1 < OnsetAndSeverityQuestions.Length)
            {
                AssertLastMessageSays(turn, OnsetAndSeverityQuestions[i + 1]);
            }
        }

        for (var i = 0; i < TriageScript.SymptomIds.Count; i++)
        {
            Assert.Equal(TriageScript.SymptomIds[i], SingleQuestionAsked(turn));
            turn = await chat.SayAsync(hosts[i], "no");
        }

        AssertSelfCareOutcome(turn);
    }

    [Fact]
    public async Task Triage_BurstsOfConcurrentTurnsAcrossBothProcesses_NoTurnLostDuplicatedOrInterleaved()
    {
        await using var hosts = await TwoHosts.StartAsync(server.ConnectionString);
        var chat = new SharedConversation();
        await chat.StartAsync(hosts[0]);
        var turn = default(Turn);
        for (var i = 0; i < TriageScript.ToSymptoms.Count; i++)
        {
            turn = await chat.SayAsync(hosts[i], TriageScript.ToSymptoms[i]);
        }

        Assert.Equal(TriageScript.SymptomIds[0], SingleQuestionAsked(turn!));

        // Two turns per process at most: a turn can then lose the race to each of the other process's
        // turns once and still win on its last attempt, so every turn must succeed.
        var first = await BurstAsync(chat, hosts, turnsPerHost: 2);
        AssertEachAnsweredOnce(first, TriageScript.SymptomIds.Skip(1).Take(4));

        var second = await BurstAsync(chat, hosts, turnsPerHost: 1);
        AssertEachAnsweredOnce(second, TriageScript.SymptomIds.Skip(5).Take(2));

        output.WriteLine($"Turns re-run after losing a race: {hosts.ConflictRetries}");

        turn = await chat.SayAsync(hosts[1], "no");
        Assert.Equal(TriageScript.SymptomIds[7], SingleQuestionAsked(turn));
        turn = await chat.SayAsync(hosts[0], "no");

        AssertSelfCareOutcome(turn);
    }

    [Fact]
    public async Task Triage_LargeBurstAcrossBothProcesses_EveryRequestGetsAWholeTurnOrTheApology()
    {
        const int turnsPerHost = 4;
        await using var hosts = await TwoHosts.StartAsync(server.ConnectionString);
        var chat = new SharedConversation();
        await chat.StartAsync(hosts[0]);
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(hosts[1], answer);
        }

        var burst = await BurstAsync(chat, hosts, turnsPerHost);

        // Beyond two per process a turn can lose three races in a row; the adapter then gives up and the
        // error handler apologises. That is allowed, silence or half a turn is not. Eight answers reach the
        // end of the eight symptom questions, so without apologies exactly one turn gives the outcome.
        var apologies = burst.Count(IsApology);
        output.WriteLine($"Turns re-run after losing a race: {hosts.ConflictRetries}; apologies: {apologies}");
        var steps = burst.Where(t => !IsApology(t)).Select(StepOf).ToList();
        Assert.Equal(2 * turnsPerHost, apologies + steps.Count);
        if (apologies == 0)
        {
            Assert.Equal(TriageScript.SymptomIds.Skip(1).Append(SelfCareOutcome).Order(), steps.Order());
        }
        else
        {
            Assert.Equal(steps.Count, steps.Distinct().Count());
        }

        var after = await chat.SayAsync(hosts[0], "what do you know about me");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains(after.Replies.Messages(), m => m.Says("whatIKnow"));
        var storedAnswers = after.Replies.Texts().Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal) && line.EndsWith(": no", StringComparison.Ordinal));
        var acceptedAnswers = steps.Count;
        if (apologies == 0)
        {
            Assert.Equal(acceptedAnswers, storedAnswers);
        }
        else
        {
            // A turn given up on must leave no answer behind.
            Assert.InRange(storedAnswers, 0, acceptedAnswers);
        }
    }

    private static async Task<IReadOnlyList<Turn>> BurstAsync(SharedConversation chat, TwoHosts hosts, int turnsPerHost)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turns = Enumerable.Range(0, 2 * turnsPerHost)
            .Select(async i =>
            {
                await gate.Task;
                return await chat.SayAsync(hosts[i], "no");
            })
            .ToList();
        gate.SetResult();
        var results = await Task.WhenAll(turns);

        foreach (var turn in results)
        {
            Assert.Equal(HttpStatusCode.OK, turn.Status);
            Assert.NotEmpty(turn.Replies.Messages());
            Assert.All(turn.Replies, reply => Assert.Equal(turn.RequestId, reply.ReplyToId));
        }

        return results;
    }

    private static void AssertEachAnsweredOnce(IReadOnlyList<Turn> burst, IEnumerable<string> expectedQuestions)
    {
        Assert.DoesNotContain(burst, IsApology);
        Assert.Equal(expectedQuestions.Order(), burst.Select(SingleQuestionAsked).Order());
    }

    private const string SelfCareOutcome = "outcome: selfcare";

    private static string StepOf(Turn turn)
    {
        if (turn.Replies.Messages().First().Says("selfcare"))
        {
            AssertSelfCareOutcome(turn);
            return SelfCareOutcome;
        }

        return SingleQuestionAsked(turn);
    }

    private static bool IsApology(Turn turn) => turn.Replies.Messages().Any(m => m.Says("turnError"));

    /// <summary>A whole turn asks exactly one symptom question, as its last message; two would mean two turns' replies mixed.</summary>
    private static string SingleQuestionAsked(Turn turn)
    {
        var messages = turn.Replies.Messages().ToList();
        var asked = TriageScript.SymptomIds.Where(id => messages.Any(m => m.Asks(id))).ToList();
        Assert.True(asked.Count == 1, $"expected one symptom question, got: {turn.Replies.Texts()}");
        Assert.True(messages[^1].Asks(asked[0]), turn.Replies.Texts());
        return asked[0];
    }

    private static void AssertLastMessageSays(Turn turn, string key)
    {
        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.True(turn.Replies.Messages().Last().Says(key), $"expected {key}, got: {turn.Replies.Texts()}");
    }

    private static void AssertSelfCareOutcome(Turn turn)
    {
        Assert.True(turn.Replies.Messages().First().Says("selfcare"), turn.Replies.Texts());
        var trace = turn.Replies.OutcomeTrace();
        Assert.NotNull(trace);
        Assert.Equal("selfcare", trace.Value?.GetProperty("level").GetString());
        Assert.Equal(4, trace.Value?.GetProperty("summary").GetProperty("severity").GetInt32());
    }

    /// <summary>Two processes over one new table; indexing wraps, so hosts[i] alternates with i.</summary>
    private sealed class TwoHosts : IAsyncDisposable
    {
        private readonly List<BotHostProcess> _processes = [];

        public HttpClient this[int index] => _processes[index % _processes.Count].Client;

        public int ConflictRetries => _processes.Sum(p => p.ConflictRetries);

        public static async Task<TwoHosts> StartAsync(string connectionString)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Storage__Provider"] = "Postgres",
                ["Storage__ConnectionString"] = connectionString,
                ["Storage__Postgres__TableName"] = "scaleout_" + Guid.NewGuid().ToString("N"),
            };

            var starting = new[] { BotHostProcess.StartAsync(settings), BotHostProcess.StartAsync(settings) };
            try
            {
                await Task.WhenAll(starting);
            }
            catch
            {
                foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
                {
                    await started.Result.DisposeAsync();
                }

                throw;
            }

            var hosts = new TwoHosts();
            hosts._processes.AddRange(starting.Select(s => s.Result));
            return hosts;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }
        }
    }
}

using BackCareBot.Endpoints;

namespace BackCareBot.Tests.Fuzz;

/// <summary>
/// A coarse leak check: after a warm-up batch, a second batch of the same size (megabyte bodies included) must not
/// leave the heap much bigger. The slack is generous because conversation state for the fuzzed ids is kept by
/// design (in memory here) and the collector is not exact; a per-request leak of a body would exceed it many times.
/// </summary>
[Collection(FuzzMemoryCollection.Name)]
public sealed class FuzzMemoryTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    private const long SlackBytes = 48L * 1024 * 1024;

    [Fact]
    public async Task Post_SecondLargeBatch_HeapDoesNotKeepGrowing()
    {
        await host.AssertSurvivesAsync(Batch(seed: 1), "/api/messages");
        var afterWarmUp = Collect();

        await host.AssertSurvivesAsync(Batch(seed: 2), "/api/messages");
        var afterSecond = Collect();

        Assert.True(afterSecond - afterWarmUp < SlackBytes, $"heap grew by {(afterSecond - afterWarmUp) / 1024 / 1024} MB over the second batch");
    }

    private IEnumerable<FuzzCase> Batch(int seed)
    {
        var seeds = ActivitySeeds.Channel(host.Connector.BaseUrl);
        var mutator = new ActivityMutator(seed);
        var megabyte = seeds.SelectMany(s => ActivityMutator.Extremes(s.Name, s.Activity, ActivityRequestReader.MaxBodyBytes))
            .Where(c => c.Body.Length > ActivityRequestReader.MaxBodyBytes);
        return Enumerable.Range(0, 300).Select(i => mutator.Next(seeds[i % seeds.Count].Name, seeds[i % seeds.Count].Activity))
            .Concat(Enumerable.Repeat(megabyte, 10).SelectMany(cases => cases));
    }

    private static long Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Runs alone: the heap is the whole process's, and tests running beside it would blur the measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzMemoryCollection
{
    public const string Name = "Fuzz memory";
}

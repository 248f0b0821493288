using BackCareBot.Endpoints;

namespace BackCareBot.Tests.Fuzz;

/// <summary>
/// Hostile bodies on POST /api/messages, expectReplies and normal delivery (replies to a listener on 127.0.0.1):
/// never a 5xx, never a hang, never an exception in a turn, and the host answers a normal turn afterwards.
/// </summary>
public sealed class MessagesFuzzTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    private const string Path = "/api/messages";

    [Fact]
    public async Task Post_EveryFieldOfEverySeedSwappedToEachJsonKind_NoServerErrorOrHang() =>
        await host.AssertSurvivesAsync(
            ActivitySeeds.Channel(host.Connector.BaseUrl).SelectMany(seed => ActivityMutator.TypeSwaps(seed.Name, seed.Activity)), Path);

    [Fact]
    public async Task Post_ExtremesOfEverySeed_NoServerErrorOrHang() =>
        await host.AssertSurvivesAsync(
            ActivitySeeds.Channel(host.Connector.BaseUrl).SelectMany(seed => ActivityMutator.Extremes(seed.Name, seed.Activity, ActivityRequestReader.MaxBodyBytes)), Path);

    [Theory]
    [InlineData(20260101)]
    [InlineData(8)]
    public async Task Post_SeededRandomMutations_NoServerErrorOrHang(int seed)
    {
        var mutator = new ActivityMutator(seed);
        var seeds = ActivitySeeds.Channel(host.Connector.BaseUrl);

        await host.AssertSurvivesAsync(Enumerable.Range(0, 400).Select(i => mutator.Next(seeds[i % seeds.Count].Name, seeds[i % seeds.Count].Activity)), Path);
    }
}

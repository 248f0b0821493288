using System.Text.Json;
using BackCareBot.DirectLine;

namespace BackCareBot.Tests.Fuzz;

/// <summary>Hostile bodies posted by a client holding a valid token to the built-in Direct Line's activities endpoint.</summary>
public sealed class DirectLineFuzzTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    private static readonly int MaxActivityBytes = new DirectLineOptions().MaxActivityBytes;

    [Fact]
    public async Task Post_EveryFieldOfEverySeedSwappedToEachJsonKind_NoServerErrorOrHang()
    {
        var (path, token) = await StartAsync();

        await host.AssertSurvivesAsync(ActivitySeeds.DirectLine().SelectMany(seed => ActivityMutator.TypeSwaps(seed.Name, seed.Activity)), path, token);
    }

    [Fact]
    public async Task Post_ExtremesOfEverySeed_NoServerErrorOrHang()
    {
        var (path, token) = await StartAsync();

        await host.AssertSurvivesAsync(
            ActivitySeeds.DirectLine().SelectMany(seed => ActivityMutator.Extremes(seed.Name, seed.Activity, MaxActivityBytes)), path, token);
    }

    [Fact]
    public async Task Post_SeededRandomMutations_NoServerErrorOrHang()
    {
        var (path, token) = await StartAsync();
        var mutator = new ActivityMutator(4242);
        var seeds = ActivitySeeds.DirectLine();

        await host.AssertSurvivesAsync(Enumerable.Range(0, 400).Select(i => mutator.Next(seeds[i % seeds.Count].Name, seeds[i % seeds.Count].Activity)), path, token);
    }

    private async Task<(string Path, string Token)> StartAsync()
    {
        using var response = await host.Client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = body.RootElement.GetProperty("conversationId").GetString()!;
        return ($"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities", body.RootElement.GetProperty("token").GetString()!);
    }
}

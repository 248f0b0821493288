using System.Diagnostics;
using System.Net;

namespace BackCareBot.Tests.Faults;

/// <summary>
/// Limits for waiting on a host whose store has gone away: an answer that never comes is the failure
/// these tests exist to catch, so it must fail the test rather than hang it.
/// </summary>
internal static class Bounded
{
    /// <summary>Far above the few seconds the short store timeouts allow, far below a hung turn.</summary>
    public static readonly TimeSpan TurnLimit = TimeSpan.FromSeconds(30);

    private static readonly Uri Healthz = new("/healthz", UriKind.Relative);

    public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(TurnLimit);

    public static async Task<HttpStatusCode> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Healthz).WaitAsync(TurnLimit);
        return response.StatusCode;
    }

    /// <summary>Polls /healthz until it reports <paramref name="expected"/>, failing after <see cref="TurnLimit"/>.</summary>
    public static async Task WaitForHealthAsync(HttpClient client, HttpStatusCode expected)
    {
        var waited = Stopwatch.StartNew();
        var status = await HealthAsync(client);
        while (status != expected && waited.Elapsed < TurnLimit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            status = await HealthAsync(client);
        }

        Assert.Equal(expected, status);
    }
}

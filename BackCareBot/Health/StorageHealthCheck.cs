using BackCareBot.Protocol.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackCareBot.Health;

/// <summary>Ready only when the state store answers: without it no conversation can move on.</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The state store answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The state store does not answer ({exception.GetType().Name}).");
        }
    }
}

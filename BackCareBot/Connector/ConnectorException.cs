using System.Net;

namespace BackCareBot.Connector;

/// <summary>
/// A Bot Connector call failed for good: a non-retryable answer, or retries used up. The message names
/// only the status and attempt count, never the body or any id, so it is safe to log.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
        : base("The Bot Connector request failed.")
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode statusCode, int attempts)
        : base($"The Bot Connector answered {(int)statusCode} ({statusCode}) after {attempts} attempt(s).")
    {
        StatusCode = statusCode;
        Attempts = attempts;
    }

    public ConnectorException(int attempts, Exception innerException)
        : base($"The Bot Connector could not be reached after {attempts} attempt(s) ({innerException?.GetType().Name}).", innerException)
    {
        Attempts = attempts;
    }

    /// <summary>The last HTTP status, or null when no answer came (network failure or timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    public int Attempts { get; }
}

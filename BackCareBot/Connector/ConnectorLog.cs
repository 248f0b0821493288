using System.Net;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Connector;

/// <summary>
/// The connector's log lines. They carry operation, status and attempt numbers only: activity text,
/// ids, URLs and tokens never reach a log.
/// </summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Connector {Operation} attempt {Attempt} got {Outcome}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Connector {Operation} failed with status {StatusCode} after {Attempts} attempt(s)")]
    public static partial void FailedWithStatus(ILogger logger, string operation, int statusCode, int attempts);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Connector {Operation} failed without an answer ({ExceptionType}) after {Attempts} attempt(s)")]
    public static partial void FailedWithoutAnswer(ILogger logger, string operation, string exceptionType, int attempts);

    public static string Describe(HttpStatusCode statusCode) => ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

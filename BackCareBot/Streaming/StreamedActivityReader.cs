using System.Text.Json;
using BackCareBot.Endpoints;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Streaming;

/// <summary>Reads the activity a streamed request carries with the same distrust as the POST endpoint: size, JSON, required fields.</summary>
internal static class StreamedActivityReader
{
    public static ActivityReadResult Read(StreamingRequest request)
    {
        if (request.Bodies is not [var body, ..])
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The request carries no activity.");
        }

        if (body.Content.Length > ActivityRequestReader.MaxBodyBytes)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than this bot accepts.");
        }

        var parsed = ActivityRequestReader.Parse(body.Content.Span);
        return parsed.Activity is { } activity && string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            ? ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no conversation id.")
            : parsed;
    }
}

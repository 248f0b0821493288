using System.Buffers;
using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Endpoints;

/// <summary>
/// Reads an activity from a request body without trusting it: a size cap, then strict JSON, then the few
/// fields a turn cannot run without. Every failure becomes a problem-details answer, never an exception.
/// </summary>
internal static class ActivityRequestReader
{
    public const int MaxBodyBytes = 256 * 1024;

    public static Task<ActivityReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, MaxBodyBytes, fromChannel: true, cancellationToken);

    /// <summary>
    /// With a caller's own size cap. A channel must address the activity (conversation, serviceUrl); a Direct
    /// Line client posts it bare, and the built-in Direct Line fills those in from the URL and itself.
    /// </summary>
    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, int maxBodyBytes, bool fromChannel, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than this bot accepts.");
        }

        var body = await ReadBoundedAsync(request.Body, (int?)request.ContentLength, maxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The activity is larger than this bot accepts.");
        }

        var parsed = Parse(body.Value.Span);
        if (parsed.Activity is not { } activity)
        {
            return parsed;
        }

        if (fromChannel && string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no conversation id.");
        }

        // Channels must send serviceUrl (spec A2300); without a usable one, replies could only fail after the turn ran.
        if (fromChannel && activity.DeliveryMode != DeliveryModes.ExpectReplies && !IsHttpUrl(activity.ServiceUrl))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no serviceUrl to send replies to.");
        }

        return parsed;
    }

    /// <summary>Strict JSON of real text, an activity with a type, lists without null members; shared with the streaming reader.</summary>
    public static ActivityReadResult Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The body is not a valid activity.");
        }

        if (!JsonTextCheck.IsValidText(body))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity contains text that is not valid Unicode.");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The activity has no type.");
        }

        // A null in these lists is no member or attachment at all; dropping it here spares every handler the check.
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        activity.Attachments = WithoutNulls(activity.Attachments);
        return ActivityReadResult.Ok(activity);
    }

    private static List<T>? WithoutNulls<T>(IList<T>? items)
        where T : class =>
        items?.Where(item => item is not null).ToList();

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, int? contentLength, int maxBodyBytes, CancellationToken cancellationToken)
    {
        // Sized for the whole body when its length is announced (one byte more for the read that finds the
        // end), so a usual activity is read without the buffer growing and copying.
        var buffer = new ArrayBufferWriter<byte>(contentLength is > 0 ? contentLength.Value + 1 : 4096);
        while (true)
        {
            var memory = buffer.GetMemory();
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBodyBytes)
            {
                return null;
            }
        }
    }
}

internal readonly record struct ActivityReadResult(Activity? Activity, int StatusCode, string? Problem)
{
    public static ActivityReadResult Ok(Activity activity) => new(activity, StatusCodes.Status200OK, null);

    public static ActivityReadResult Fail(int statusCode, string problem) => new(null, statusCode, problem);
}

using System.Buffers;
using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Connector;

/// <summary>Turns activities into request bodies and answers into <see cref="ResourceResponse"/>s.</summary>
internal static class ConnectorPayload
{
    /// <summary>
    /// The channel assigns the id of a new activity, so a posted body carries none; the caller's
    /// activity is left as it was.
    /// </summary>
    public static byte[] WithoutId(Activity activity)
    {
        if (activity.Id is null)
        {
            return BotJson.SerializeToUtf8(activity);
        }

        var body = JsonSerializer.SerializeToNode(activity, BotJsonContext.Default.Activity)!.AsObject();
        body.Remove("id");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WithId(Activity activity) => BotJson.SerializeToUtf8(activity);

    /// <summary>
    /// Reads the id the channel gave. Teams often answers with an empty body and a success status is
    /// a success whatever the body says, so a missing or unreadable body yields a null id.
    /// </summary>
    public static ResourceResponse ReadResourceResponse(ReadOnlySpan<byte> body)
    {
        if (body.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return new ResourceResponse(null);
        }

        try
        {
            return JsonSerializer.Deserialize(body, BotJsonContext.Default.ResourceResponse) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            return new ResourceResponse(null);
        }
    }
}

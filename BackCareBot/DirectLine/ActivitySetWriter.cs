using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace BackCareBot.DirectLine;

/// <summary>Writes Direct Line's ActivitySet, <c>{"activities":[…],"watermark":"N"}</c>, from stored activity JSON.</summary>
internal static class ActivitySetWriter
{
    public static byte[] Write(IEnumerable<TranscriptEntry> entries, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var entry in entries)
            {
                writer.WriteRawValue(entry.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

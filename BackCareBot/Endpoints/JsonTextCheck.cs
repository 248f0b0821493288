using System.Text.Json;
using System.Text.Unicode;

namespace BackCareBot.Endpoints;

/// <summary>
/// Whether every string in a JSON body is real text. The deserializer checks only the strings it turns into
/// typed properties; the rest (channelData, value, entities) stays raw in JsonElements and would throw much later,
/// in a turn or when the transcript is written, if it held invalid UTF-8 or an escaped lone surrogate.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>False for invalid UTF-8 anywhere, or an escape sequence that does not decode to valid UTF-16.</summary>
    public static bool IsValidText(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        // Valid UTF-8 can only hide a lone surrogate in a \u escape; most bodies have none and skip the second read.
        if (json.IndexOf("\\u"u8) < 0)
        {
            return true;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException)
        {
            return false;
        }

        return true;
    }
}

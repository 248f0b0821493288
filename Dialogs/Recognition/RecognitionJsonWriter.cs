using System.Text.Encodings.Web;
using System.Text.Json;

namespace BackCareBot.Dialogs.Recognition;

/// <summary>Writes a recognition result in the `recognize` command's line format, without reflection.</summary>
public static class RecognitionJsonWriter
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, string text, RecognitionResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("text", text);
        writer.WriteString("level", LevelName(result.Level));
        writer.WriteStartArray("redFlags");
        foreach (var flag in result.RedFlags)
        {
            writer.WriteStartObject();
            writer.WriteString("id", flag.Id);
            writer.WriteString("level", LevelName(flag.Level));
            writer.WriteString("evidence", flag.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("ignoredFlags");
        foreach (var flag in result.IgnoredFlags)
        {
            writer.WriteStartObject();
            writer.WriteString("id", flag.Id);
            writer.WriteString("reason", ReasonName(flag.Reason));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("durations");
        foreach (var duration in result.Durations)
        {
            writer.WriteStartObject();
            writer.WriteString("text", duration.Text);
            writer.WriteNumber("seconds", duration.Seconds);
            writer.WriteString("kind", duration.Kind == DurationKind.Episode ? "episode" : "since_onset");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("locations");
        foreach (var location in result.Locations)
        {
            writer.WriteStringValue(location);
        }

        writer.WriteEndArray();
        if (result.Severity is { } severity)
        {
            writer.WriteNumber("severity", severity);
        }
        else
        {
            writer.WriteNull("severity");
        }

        if (result.Onset is { } onset)
        {
            writer.WriteStartObject("onset");
            WriteNullable(writer, "pace", onset.Pace);
            WriteNullable(writer, "trigger", onset.Trigger);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("onset");
        }

        writer.WriteEndObject();
    }

    /// <summary>The object written for a line that could not be read: the line number and what was wrong.</summary>
    public static void WriteError(Utf8JsonWriter writer, int lineNumber, string error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("line", lineNumber);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }

    public static string LevelName(RedFlagLevel level) => level switch
    {
        RedFlagLevel.Emergency => "emergency",
        RedFlagLevel.Urgent => "urgent",
        RedFlagLevel.Gp => "gp",
        _ => "none",
    };

    public static string ReasonName(IgnoreReason reason) => reason switch
    {
        IgnoreReason.Negated => "negated",
        IgnoreReason.Hypothetical => "hypothetical",
        IgnoreReason.OtherPerson => "other_person",
        _ => "past",
    };

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

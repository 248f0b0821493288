using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using BackCareBot.Dialogs.Recognition;

namespace BackCareBot.Commands;

/// <summary>
/// `recognize [--now ISO-time]`: reads one utterance per line from stdin and writes exactly one JSON object per
/// line to stdout, in order. A line over 4 KB or with invalid UTF-8 gets an object with an "error" field instead;
/// no line is skipped and the command does not crash on its input.
/// </summary>
public static class RecognizeCommand
{
    public const int MaxLineBytes = 4096;
    private const int ChunkBytes = 64 * 1024;

    public static Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, TimeProvider.System, Recognizer.CreateDefault());

    internal static async Task<int> RunAsync(
        string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, TimeProvider time, IRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);

        if (!TryParseArguments(args, out var fixedNow, out var problem))
        {
            await stderr.WriteLineAsync($"recognize: {problem}").ConfigureAwait(false);
            await stderr.WriteLineAsync("usage: recognize [--now 2026-11-21T12:00:00Z] < utterances.txt").ConfigureAwait(false);
            return 2;
        }

        var output = new LineWriter(stdout);
        var lineNumber = 0;
        await foreach (var line in ReadLinesAsync(stdin).ConfigureAwait(false))
        {
            lineNumber++;
            output.Write(lineNumber, line, recognizer, fixedNow ?? time.GetUtcNow());
            await output.FlushLineAsync().ConfigureAwait(false);
        }

        await stdout.FlushAsync().ConfigureAwait(false);
        return 0;
    }

    private static bool TryParseArguments(string[] args, out DateTimeOffset? now, out string problem)
    {
        now = null;
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--now")
            {
                problem = $"unknown argument '{args[i]}'";
                return false;
            }

            if (i + 1 >= args.Length
                || !DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                problem = "--now needs a date and time such as 2026-11-21T12:00:00Z";
                return false;
            }

            now = parsed;
            i++;
        }

        return true;
    }

    /// <summary>Splits raw bytes on '\n' without decoding, so invalid UTF-8 and over-long lines are detectable per line.</summary>
    private static async IAsyncEnumerable<RawLine> ReadLinesAsync(Stream stdin)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var line = new byte[MaxLineBytes];
        var length = 0;
        var tooLong = false;
        var pending = false;
        var first = true;
        try
        {
            int read;
            while ((read = await stdin.ReadAsync(chunk.AsMemory(0, ChunkBytes)).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var b = chunk[i];
                    if (b == (byte)'\n')
                    {
                        yield return RawLine.From(line, length, tooLong, first);
                        first = false;
                        length = 0;
                        tooLong = false;
                        pending = false;
                        continue;
                    }

                    pending = true;
                    if (length < MaxLineBytes)
                    {
                        line[length++] = b;
                    }
                    else if (!(length == MaxLineBytes && b == (byte)'\r'))
                    {
                        tooLong = true;
                    }
                }
            }

            if (pending)
            {
                yield return RawLine.From(line, length, tooLong, first);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>One input line: its text, or why it could not be read.</summary>
    private readonly record struct RawLine(string? Text, string? Error)
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static RawLine From(byte[] buffer, int length, bool tooLong, bool first)
        {
            if (tooLong)
            {
                return new RawLine(null, $"line longer than {MaxLineBytes} bytes");
            }

            var bytes = buffer.AsSpan(0, length);
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            {
                bytes = bytes[..^1];
            }

            if (first && bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }

            return Utf8.IsValid(bytes) ? new RawLine(StrictUtf8.GetString(bytes), null) : new RawLine(null, "invalid UTF-8");
        }
    }

    /// <summary>Formats one JSON object per line, reusing its buffers.</summary>
    private sealed class LineWriter(TextWriter stdout)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _json = new(Stream.Null, RecognitionJsonWriter.Options);

        public void Write(int lineNumber, RawLine line, IRecognizer recognizer, DateTimeOffset now)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            if (line.Text is null)
            {
                RecognitionJsonWriter.WriteError(_json, lineNumber, line.Error ?? "unreadable line");
            }
            else
            {
                RecognitionResult result;
                try
                {
                    result = recognizer.Recognize(line.Text, now);
                }
#pragma warning disable CA1031 // One bad line must not stop the others; the line gets an error object instead.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    RecognitionJsonWriter.WriteError(_json, lineNumber, $"recognition failed ({ex.GetType().Name})");
                    _json.Flush();
                    return;
                }

                RecognitionJsonWriter.Write(_json, line.Text, result);
            }

            _json.Flush();
        }

        public async Task FlushLineAsync()
        {
            await stdout.WriteLineAsync(Encoding.UTF8.GetString(_buffer.WrittenSpan)).ConfigureAwait(false);
        }
    }
}

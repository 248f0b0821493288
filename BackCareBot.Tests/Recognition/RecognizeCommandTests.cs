using System.Text;
using System.Text.Json;
using BackCareBot.Commands;

namespace BackCareBot.Tests.Recognition;

public sealed class RecognizeCommandTests
{
    private static async Task<(int Code, string[] Lines, string Errors)> Run(byte[] input, params string[] args)
    {
        using var stdin = new MemoryStream(input);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter();
        var code = await RecognizeCommand.RunAsync(args, stdin, stdout, stderr);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task RunAsync_ThreeLines_WritesOneObjectPerLineInOrder()
    {
        var (code, lines, _) = await Run(Utf8("no fever but I can't pee\n\nmy mum had cancer\n"), "--now", "2026-11-21T12:00:00Z");

        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("emergency", first.RootElement.GetProperty("level").GetString());
        Assert.Equal("bladder_control", first.RootElement.GetProperty("redFlags")[0].GetProperty("id").GetString());
        Assert.Equal("can't pee", first.RootElement.GetProperty("redFlags")[0].GetProperty("evidence").GetString());
        Assert.Equal("negated", first.RootElement.GetProperty("ignoredFlags")[0].GetProperty("reason").GetString());
        using var empty = JsonDocument.Parse(lines[1]);
        Assert.Equal("", empty.RootElement.GetProperty("text").GetString());
        Assert.Equal("none", empty.RootElement.GetProperty("level").GetString());
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("other_person", third.RootElement.GetProperty("ignoredFlags")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RunAsync_NowArgument_ResolvesRelativeTimes()
    {
        var (_, lines, _) = await Run(Utf8("since Monday"), "--now", "2026-11-21T12:00:00Z");

        using var doc = JsonDocument.Parse(lines[0]);
        var duration = doc.RootElement.GetProperty("durations")[0];
        Assert.Equal(5 * 86400, duration.GetProperty("seconds").GetInt64());
        Assert.Equal("since_onset", duration.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task RunAsync_InvalidUtf8Line_WritesErrorForThatLineOnly()
    {
        var input = Utf8("hello\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).Concat(Utf8("I fell over\n")).ToArray();

        var (code, lines, _) = await Run(input);

        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        using var bad = JsonDocument.Parse(lines[1]);
        Assert.Equal("invalid UTF-8", bad.RootElement.GetProperty("error").GetString());
        using var after = JsonDocument.Parse(lines[2]);
        Assert.Equal("emergency", after.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public async Task RunAsync_LineOver4KB_WritesErrorAndContinues()
    {
        var input = Utf8(new string('a', RecognizeCommand.MaxLineBytes + 1) + "\nI wet myself\n" + new string('b', RecognizeCommand.MaxLineBytes) + "\n");

        var (code, lines, _) = await Run(input);

        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        using var tooLong = JsonDocument.Parse(lines[0]);
        Assert.True(tooLong.RootElement.TryGetProperty("error", out _));
        using var next = JsonDocument.Parse(lines[1]);
        Assert.Equal("emergency", next.RootElement.GetProperty("level").GetString());
        using var exactly4KB = JsonDocument.Parse(lines[2]);
        Assert.False(exactly4KB.RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task RunAsync_CrLfAndNoFinalNewline_ReadsEveryLine()
    {
        var (_, lines, _) = await Run(Utf8("hello\r\nmy legs keep giving way"));

        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("hello", first.RootElement.GetProperty("text").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("emergency", second.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public async Task RunAsync_BadNow_ReturnsUsageError()
    {
        var (code, lines, errors) = await Run(Utf8("hello\n"), "--now", "yesterday-ish");

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("--now", errors, StringComparison.Ordinal);
    }
}

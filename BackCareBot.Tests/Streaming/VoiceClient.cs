using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Protocol.Schema;
using Activity = BackCareBot.Protocol.Schema.Activity;

namespace BackCareBot.Tests.Streaming;

/// <summary>
/// Runs ClientTests/voice/voice-client.js: Node with the real botframework-streaming WebSocket client, playing
/// a voice channel. Its packages come from scripts/install-test-prerequisites.sh (npm ci).
/// </summary>
internal static class VoiceClient
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<VoiceRun> RunAsync(Uri socket, params VoicePlan[] conversations)
    {
        var folder = ClientFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "botframework-streaming")),
            "botframework-streaming is not installed: run scripts/install-test-prerequisites.sh");

        var plan = new JsonObject
        {
            ["url"] = socket.ToString(),
            ["conversations"] = new JsonArray([.. conversations.Select(c => c.ToJson())]),
        };
        var start = new ProcessStartInfo("node", "voice-client.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await node.StandardInput.WriteAsync(plan.ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"The voice client did not finish: {await errors}");
        }

        Assert.True(node.ExitCode == 0, $"The voice client failed ({node.ExitCode}): {await errors}");
        return VoiceRun.Parse(await output);
    }

    private static string ClientFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "BackCareBot.Tests", "ClientTests", "voice");
            if (File.Exists(Path.Combine(candidate, "voice-client.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("BackCareBot.Tests/ClientTests/voice not found above the test binaries.");
    }
}

/// <summary>One conversation for the voice client: what the caller says or presses, in order.</summary>
internal sealed record VoicePlan(string Id, string ChannelId, IReadOnlyList<VoiceStep> Steps, string Locale = "en-US")
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["channelId"] = ChannelId,
        ["locale"] = Locale,
        ["steps"] = new JsonArray([.. Steps.Select(step => step.ToJson())]),
    };
}

internal sealed record VoiceStep(string? Text, bool Dtmf = false, bool JoinCall = false)
{
    public static VoiceStep Join { get; } = new(null, JoinCall: true);

    public static VoiceStep Say(string text) => new(text);

    public static VoiceStep Press(char digit) => new(digit.ToString(), Dtmf: true);

    public JsonObject ToJson() => JoinCall
        ? new JsonObject { ["type"] = "conversationUpdate" }
        : new JsonObject { ["text"] = Text, ["dtmf"] = Dtmf };
}

/// <summary>What the voice client saw: its own requests' answers, and the bot's requests (the replies) per turn.</summary>
internal sealed record VoiceRun(int VersionStatus, string? VersionBody, int UnknownPathStatus, IReadOnlyDictionary<string, IReadOnlyList<VoiceTurn>> Conversations)
{
    public static VoiceRun Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var conversations = root["conversations"]!.AsArray().ToDictionary(
            c => c!["id"]!.GetValue<string>(),
            c => (IReadOnlyList<VoiceTurn>)[.. c!["turns"]!.AsArray().Select(t => VoiceTurn.Parse(t!.AsObject()))]);
        return new VoiceRun(
            root["version"]!["status"]!.GetValue<int>(),
            root["version"]!["body"]?.GetValue<string>(),
            root["unknownPath"]!["status"]!.GetValue<int>(),
            conversations);
    }
}

internal sealed record VoiceTurn(string SentId, int Status, IReadOnlyList<BotRequest> Replies)
{
    public IEnumerable<Activity> Activities => Replies.Select(r => r.Activity);

    public static VoiceTurn Parse(JsonObject turn) => new(
        turn["sentId"]!.GetValue<string>(),
        turn["status"]!.GetValue<int>(),
        [.. turn["replies"]!.AsArray().Select(r => new BotRequest(
            r!["verb"]!.GetValue<string>(),
            r["path"]!.GetValue<string>(),
            JsonSerializer.Deserialize(r["activity"]!.ToJsonString(), BotJsonContext.Default.Activity)!))]);
}

internal sealed record BotRequest(string Verb, string Path, Activity Activity);

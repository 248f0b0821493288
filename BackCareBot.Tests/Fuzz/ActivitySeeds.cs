using System.Text.Json.Nodes;

namespace BackCareBot.Tests.Fuzz;

/// <summary>Valid activities the fuzzer starts from: what each channel really sends, one of each kind the bot handles.</summary>
internal static class ActivitySeeds
{
    /// <summary>Seeds as /api/messages receives them; replies go to <paramref name="serviceUrl"/> unless the seed asks for expectReplies.</summary>
    public static IReadOnlyList<(string Name, JsonObject Activity)> Channel(string serviceUrl) =>
    [
        ("message", Parse($$$$"""
            {"type":"message","id":"m1","channelId":"emulator","serviceUrl":"{{{{serviceUrl}}}}","deliveryMode":"expectReplies",
             "timestamp":"2026-01-01T12:00:00Z","localTimezone":"Europe/London","locale":"en-GB",
             "conversation":{"id":"fuzz-message"},"from":{"id":"user-1","name":"Pat","role":"user"},
             "recipient":{"id":"bot","name":"BackCareBot"},"text":"my lower back hurts since yesterday","textFormat":"plain",
             "channelData":{"clientActivityID":"c1"},"value":{"answer":"yes"}}
            """)),
        ("conversationUpdate", Parse($$$$"""
            {"type":"conversationUpdate","id":"u1","channelId":"emulator","serviceUrl":"{{{{serviceUrl}}}}",
             "conversation":{"id":"fuzz-update"},"from":{"id":"user-1"},"recipient":{"id":"bot"},
             "membersAdded":[{"id":"user-1","name":"Pat"},{"id":"bot"}],"membersRemoved":[]}
            """)),
        ("invoke", Parse($$$$"""
            {"type":"invoke","id":"i1","name":"adaptiveCard/action","channelId":"msteams","serviceUrl":"{{{{serviceUrl}}}}",
             "conversation":{"id":"fuzz-invoke","conversationType":"personal","tenantId":"t1"},"from":{"id":"29:user","aadObjectId":"o1"},
             "recipient":{"id":"28:bot"},"value":{"action":{"type":"Action.Execute","verb":"answer","data":{"choice":"no"}},"trigger":"manual"}}
            """)),
        ("teamsMessage", Parse($$$$"""
            {"type":"message","id":"t1","channelId":"msteams","serviceUrl":"{{{{serviceUrl}}}}","deliveryMode":"expectReplies",
             "conversation":{"id":"19:abc@thread.tacv2;messageid=1","conversationType":"channel","isGroup":true,"tenantId":"t1"},
             "from":{"id":"29:user","name":"Pat","aadObjectId":"o1"},"recipient":{"id":"28:bot","name":"BackCareBot"},
             "text":"<at>BackCareBot</at> I have numbness in my groin","textFormat":"xml","locale":"en-US",
             "attachments":[{"contentType":"text/html","content":"<p><at>BackCareBot</at> I have numbness</p>"}],
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"BackCareBot"},"text":"<at>BackCareBot</at>"},
                         {"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"America/New_York"}],
             "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team"},"channel":{"id":"19:abc@thread.tacv2"}}}
            """)),
    ];

    /// <summary>What a Direct Line client posts: no addressing (the host fills it in), Web Chat's channelData.</summary>
    public static IReadOnlyList<(string Name, JsonObject Activity)> DirectLine() =>
    [
        ("webChatMessage", Parse("""
            {"type":"message","text":"it hurts when I bend","locale":"en-GB","textFormat":"plain","from":{"id":"dl_x","name":"","role":"user"},
             "channelData":{"clientActivityID":"1712345678901abcdef","clientTimestamp":"2026-01-01T12:00:00.000Z"},
             "entities":[{"type":"ClientCapabilities","requiresBotState":true,"supportsListening":true,"supportsTts":true}]}
            """)),
        ("webChatEvent", Parse("""
            {"type":"event","name":"webchat/join","value":{"language":"en-GB"},"from":{"id":"dl_x"}}
            """)),
        ("webChatCardAnswer", Parse("""
            {"type":"message","value":{"choice":"yes"},"from":{"id":"dl_x"},"channelData":{"postBack":true,"clientActivityID":"card-1"}}
            """)),
    ];

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}

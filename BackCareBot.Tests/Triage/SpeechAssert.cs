using System.Xml.Linq;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Triage;

/// <summary>What a voice channel needs of every message: a full SSML document and an input hint.</summary>
internal static class SpeechAssert
{
    private static readonly XNamespace Synthesis = "http://www.w3.org/2001/10/synthesis";

    public static void IsVoiceReady(Activity message)
    {
        Assert.Contains(message.InputHint, new[] { InputHints.AcceptingInput, InputHints.ExpectingInput, InputHints.IgnoringInput });
        Assert.False(string.IsNullOrWhiteSpace(message.Speak), $"no speak on: {message.Text}");
        var root = XDocument.Parse(message.Speak!).Root!;
        Assert.Equal(Synthesis + "speak", root.Name);
        Assert.Equal("1.0", root.Attribute("version")?.Value);
        Assert.False(string.IsNullOrEmpty(root.Attribute(XNamespace.Xml + "lang")?.Value));
        var voice = root.Element(Synthesis + "voice");
        Assert.NotNull(voice);
        Assert.False(string.IsNullOrWhiteSpace(voice.Attribute("name")?.Value));
        Assert.DoesNotContain("://", voice.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("*", voice.Value, StringComparison.Ordinal);
    }
}

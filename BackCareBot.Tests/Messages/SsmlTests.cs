using System.Xml.Linq;
using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Messages;

namespace BackCareBot.Tests.Messages;

public sealed class SsmlTests
{
    [Fact]
    public void Build_TextWithXmlCharacters_IsWellFormedAndEscaped()
    {
        var ssml = Ssml.Build("Pain < 5 & \"mild\" isn't bad", "en-GB", "en-GB-SoniaNeural");

        var root = XDocument.Parse(ssml).Root!;
        Assert.Equal("{http://www.w3.org/2001/10/synthesis}speak", root.Name.ToString());
        Assert.Equal("en-GB", root.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("Pain 5 & \"mild\" isn't bad", root.Value);
    }

    [Theory]
    [InlineData("See https://example.org/help now", "See now")]
    [InlineData("**Call** 999 👍 now", "Call 999 now")]
    [InlineData("tabs\tand\nnew  lines", "tabs and new lines")]
    public void CleanForSpeech_RemovesWhatCannotBeSaid(string text, string expected)
    {
        Assert.Equal(expected, Ssml.CleanForSpeech(text));
    }
}

public sealed class EmergencyNumberDirectoryTests
{
    private static readonly EmergencyNumberDirectory Directory = new(ConversationContentLoader.Load().EmergencyNumbers);

    [Theory]
    [InlineData("en-US", "911")]
    [InlineData("en-GB", "999")]
    [InlineData("en-AU", "000")]
    [InlineData("en-NZ", "111")]
    [InlineData("de-DE", "112")]
    [InlineData("en-ca", "911")]
    [InlineData("de_AT", "112")]
    [InlineData(" en-GB ", "999")]
    [InlineData("sr-Latn-AT", "112")]
    public void For_KnownCountry_ThatCountrysNumber(string locale, string number)
    {
        var (display, spoken) = Directory.For(locale);

        Assert.Equal(number, display);
        Assert.Equal(string.Join(' ', number.ToCharArray()), spoken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("xx-ZZ")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("en-GBR")]
    public void For_UnknownCountry_NamesTheCommonNumbers(string? locale)
    {
        var (display, _) = Directory.For(locale);

        Assert.Contains("911", display, StringComparison.Ordinal);
        Assert.Contains("999", display, StringComparison.Ordinal);
        Assert.Contains("112", display, StringComparison.Ordinal);
    }
}

using System.Text;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

public sealed class FrameHeaderTests
{
    private static readonly Guid Id = Guid.Parse("0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60");

    [Fact]
    public void WriteTo_Request_WritesTheAsciiLayoutThePeerExpects()
    {
        var buffer = new byte[FrameHeader.Length];

        new FrameHeader('A', 123, Id, End: true).WriteTo(buffer);

        Assert.Equal("A.000123.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n", Encoding.ASCII.GetString(buffer));
    }

    [Theory]
    [InlineData('A', 0, true)]
    [InlineData('B', 4096, false)]
    [InlineData('S', 17, true)]
    [InlineData('X', 0, true)]
    [InlineData('C', 0, false)]
    public void Parse_WrittenHeader_RoundTrips(char type, int length, bool end)
    {
        var header = new FrameHeader(type, length, Guid.NewGuid(), end);
        var buffer = new byte[FrameHeader.Length];
        header.WriteTo(buffer);

        Assert.Equal(header, FrameHeader.Parse(buffer));
    }

    [Fact]
    public void Parse_UpperCaseGuid_IsAccepted()
    {
        var text = "S.000010.0C5A7E3F-9A54-4D1E-8F0A-3B2C1D4E5F60.0\n";

        var header = FrameHeader.Parse(Encoding.ASCII.GetBytes(text));

        Assert.Equal(new FrameHeader('S', 10, Id, End: false), header);
    }

    [Theory]
    [InlineData("Z.000010.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n")] // unknown type
    [InlineData("A.004097.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n")] // longer than a frame may be
    [InlineData("A.00001x.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n")] // length not digits
    [InlineData("A.-00001.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n")] // negative length
    [InlineData("A.000010.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5fzz.1\n")] // id not a GUID
    [InlineData("A.000010.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.2\n")] // end flag neither 0 nor 1
    [InlineData("A-000010.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\n")] // wrong delimiter
    [InlineData("A.000010.0c5a7e3f-9a54-4d1e-8f0a-3b2c1d4e5f60.1\r")] // wrong terminator
    public void Parse_MalformedHeader_ThrowsProtocolException(string text)
    {
        Assert.Throws<StreamingProtocolException>(() => FrameHeader.Parse(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Parse_ShortBuffer_ThrowsProtocolException()
    {
        Assert.Throws<StreamingProtocolException>(() => FrameHeader.Parse(new byte[47]));
    }

    [Fact]
    public void WriteTo_PayloadOverOneFrame_Throws()
    {
        var buffer = new byte[FrameHeader.Length];

        Assert.Throws<InvalidOperationException>(() => new FrameHeader('S', 4097, Id, End: true).WriteTo(buffer));
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace BackCareBot.Tests.Host;

/// <summary>A body whose length is not announced, so it travels chunked and the server cannot refuse it up front.</summary>
internal sealed class UnsizedContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnsizedContent(byte[] bytes)
    {
        _bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // Written in pieces, as a streaming client would, so the server reads it across many reads.
        for (var offset = 0; offset < _bytes.Length; offset += 16 * 1024)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(16 * 1024, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

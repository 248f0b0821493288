using System.Net;
using System.Text;
using System.Text.Json;
using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.Host;

/// <summary>The 256 KB cap on an activity, whether or not the client says how big the body is.</summary>
public sealed class OversizedBodyTests : IClassFixture<BotApplicationFactory>
{
    private const int JustOverCap = (256 * 1024) + 1;

    private readonly BotApplicationFactory _factory;

    public OversizedBodyTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Post_OverCapWithContentLength_413ProblemDetails()
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent(OversizedActivity());
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(MessagesRequests.Messages, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task Post_OverCapWithoutContentLength_413ProblemDetails()
    {
        using var client = _factory.CreateClient();
        using var content = new UnsizedContent(OversizedActivity());

        using var response = await client.PostAsync(MessagesRequests.Messages, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertProblemAsync(response);
    }

    [Fact]
    public async Task Post_ExactlyAtCap_NotRefusedForSize()
    {
        using var client = _factory.CreateClient();
        using var content = new UnsizedContent(ActivityOfSize(256 * 1024));

        using var response = await client.PostAsync(MessagesRequests.Messages, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static byte[] OversizedActivity() => ActivityOfSize(JustOverCap);

    /// <summary>A valid activity padded with spaces inside its text to exactly <paramref name="size"/> bytes.</summary>
    internal static byte[] ActivityOfSize(int size)
    {
        var prefix = $"{{\"type\":\"message\",\"channelId\":\"test\",\"deliveryMode\":\"expectReplies\",\"conversation\":{{\"id\":\"conv-{Guid.NewGuid():N}\"}},\"text\":\"";
        const string suffix = "\"}";
        var padding = size - Encoding.UTF8.GetByteCount(prefix) - Encoding.UTF8.GetByteCount(suffix);
        var bytes = Encoding.UTF8.GetBytes(prefix + new string(' ', padding) + suffix);
        Assert.Equal(size, bytes.Length);
        return bytes;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
    }
}

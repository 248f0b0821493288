using System.Net;
using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.Host;

/// <summary>The size cap over a real socket on 127.0.0.1, where a chunked body arrives in pieces.</summary>
public sealed class KestrelBodyLimitTests : IAsyncLifetime
{
    private readonly BotApplicationFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_ChunkedOverCapOverSocket_413ProblemDetails()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(IPAddress.Loopback.ToString(), client.BaseAddress?.Host);
        using var content = new UnsizedContent(OversizedBodyTests.OversizedActivity());

        using var response = await client.PostAsync(MessagesRequests.Messages, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await OversizedBodyTests.AssertProblemAsync(response);
    }

    [Fact]
    public async Task Post_ValidActivityOverSocket_200()
    {
        using var client = _factory.CreateClient();
        var activity = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        activity.DeliveryMode = global::BackCareBot.Protocol.Schema.DeliveryModes.ExpectReplies;

        using var response = await client.PostActivityAsync(activity);

        Assert.NotEmpty(await response.ReadRepliesAsync());
    }
}

using BackCareBot.DirectLine;
using BackCareBot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.DirectLine;

public sealed class DirectLineTokenServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Validate_FreshConversationToken_ReturnsItsConversationAndUser()
    {
        var tokens = Service(new ManualTimeProvider(Start));

        var issued = tokens.IssueConversationToken("conv-1", "dl_user");

        var claims = tokens.Validate(issued.Token, DirectLineTokenScopes.Conversation);
        Assert.Equal(("conv-1", "dl_user"), (claims?.ConversationId, claims?.UserId));
        Assert.Equal(1800, issued.ExpiresIn);
    }

    [Fact]
    public void Validate_AfterLifetime_ReturnsNull()
    {
        var clock = new ManualTimeProvider(Start);
        var tokens = Service(clock);
        var issued = tokens.IssueConversationToken("conv-1", "dl_user");

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(tokens.Validate(issued.Token, DirectLineTokenScopes.Conversation));
    }

    [Fact]
    public void Validate_StreamTokenUsedAsConversationToken_ReturnsNull()
    {
        var tokens = Service(new ManualTimeProvider(Start));

        var stream = tokens.IssueStreamToken("conv-1", "dl_user");

        Assert.Null(tokens.Validate(stream.Token, DirectLineTokenScopes.Conversation));
        Assert.NotNull(tokens.Validate(stream.Token, DirectLineTokenScopes.Stream));
    }

    [Fact]
    public void Validate_SignedWithAnotherKey_ReturnsNull()
    {
        var mine = Service(new ManualTimeProvider(Start));
        var theirs = Service(new ManualTimeProvider(Start), Convert.ToBase64String(new byte[32]));

        var issued = theirs.IssueConversationToken("conv-1", "dl_user");

        Assert.Null(mine.Validate(issued.Token, DirectLineTokenScopes.Conversation));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("e30.e30.!!!")]
    public void Validate_Malformed_ReturnsNull(string token) =>
        Assert.Null(Service(new ManualTimeProvider(Start)).Validate(token, DirectLineTokenScopes.Conversation));

    private static DirectLineTokenService Service(TimeProvider clock, string? key = null) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key ?? LiveBotHost.SigningKey }), clock);
}

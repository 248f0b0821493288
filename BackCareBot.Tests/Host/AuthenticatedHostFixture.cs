using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Authentication;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>
/// The host configured as a deployed SingleTenant bot, trusting the authentication tests' local metadata
/// server on 127.0.0.1 instead of login.botframework.com and login.microsoftonline.com.
/// </summary>
public sealed class AuthenticatedHostFixture : IAsyncLifetime
{
    internal AuthenticationTestHost Keys { get; private set; } = null!;

    internal BotApplicationFactory Factory { get; private set; } = null!;

    internal CallerIdRecorder CallerIds { get; } = new();

    public async Task InitializeAsync()
    {
        Keys = await AuthenticationTestHost.StartAsync();
        Factory = new BotApplicationFactory()
            .With("MicrosoftAppId", TestTokens.AppId)
            .With("MicrosoftAppType", "SingleTenant")
            .With("MicrosoftAppTenantId", TestTokens.TenantId)
            .With("MicrosoftAppPassword", "not-a-real-secret")
            .With("BotAuthentication:BotFrameworkOpenIdMetadataUrl", Keys.Server.BotFrameworkMetadataUrl)
            .With("BotAuthentication:EntraOpenIdMetadataUrl", Keys.Server.EntraMetadataUrl)
            .WithServices(services => services.AddSingleton<IMiddleware>(CallerIds));
    }

    /// <summary>A person joining a Teams conversation, as the Bot Connector delivers it (expectReplies so the replies come back here).</summary>
    internal static Activity Join(string conversationId)
    {
        var join = MessagesRequests.Message(conversationId, text: null, Channels.MsTeams, TestTokens.ServiceUrl);
        join.Type = ActivityTypes.ConversationUpdate;
        join.MembersAdded = [new ChannelAccount { Id = "29:user-1" }];
        join.DeliveryMode = DeliveryModes.ExpectReplies;
        return join;
    }

    internal async Task<bool> HasStateAsync(string channelId, string conversationId)
    {
        var key = StorageKeys.Conversation(channelId, conversationId)!;
        var items = await Factory.Services.GetRequiredService<IStorage>().ReadAsync([key], CancellationToken.None);
        return items.ContainsKey(key);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Keys.DisposeAsync();
    }
}

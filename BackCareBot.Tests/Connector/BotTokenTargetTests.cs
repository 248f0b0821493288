using BackCareBot.Configuration;
using BackCareBot.Connector;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Connector;

public sealed class BotTokenTargetTests
{
    [Fact]
    public void For_MultiTenant_UsesBotFrameworkTenantAndScope()
    {
        var target = BotTokenTarget.For(Identity(BotAppType.MultiTenant, password: "secret", tenant: "ignored-tenant"));

        Assert.Equal("https://login.microsoftonline.com/botframework.com", target.Authority);
        Assert.Equal("https://api.botframework.com/.default", target.Scope);
        Assert.Null(target.ManagedIdentityResource);
        Assert.Equal("app-id", target.ClientId);
    }

    [Fact]
    public void For_SingleTenant_UsesTheBotsTenant()
    {
        var target = BotTokenTarget.For(Identity(BotAppType.SingleTenant, password: "secret", tenant: "contoso-tenant"));

        Assert.Equal("https://login.microsoftonline.com/contoso-tenant", target.Authority);
        Assert.Equal("https://api.botframework.com/.default", target.Scope);
        Assert.Null(target.ManagedIdentityResource);
    }

    [Fact]
    public void For_UserAssignedMsi_AsksForResourceWithoutAuthority()
    {
        var target = BotTokenTarget.For(Identity(BotAppType.UserAssignedMSI, password: null, tenant: "contoso-tenant"));

        Assert.Equal("https://api.botframework.com", target.ManagedIdentityResource);
        Assert.Null(target.Authority);
        Assert.Null(target.Scope);
        Assert.Equal("app-id", target.ClientId);
    }

    [Fact]
    public void For_SingleTenantWithoutTenant_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotTokenTarget.For(Identity(BotAppType.SingleTenant, password: "secret", tenant: null)));

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant)]
    [InlineData(BotAppType.SingleTenant)]
    public void For_ClientCredentialsWithoutSecret_Throws(BotAppType appType)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotTokenTarget.For(Identity(appType, password: " ", tenant: "t")));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UserAssignedMsiWithSecret_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => BotTokenTarget.For(Identity(BotAppType.UserAssignedMSI, password: "secret", tenant: "t")));
    }

    [Fact]
    public void For_NoAppId_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => BotTokenTarget.For(new BotIdentityOptions { MicrosoftAppType = BotAppType.MultiTenant, MicrosoftAppPassword = "secret" }));
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, "secret", "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAppType.SingleTenant, "secret", "https://login.microsoftonline.com/contoso-tenant")]
    [InlineData(BotAppType.UserAssignedMSI, null, null)]
    public void MsalBotTokenProvider_EachAppType_BuildsWithoutCallingEntra(BotAppType appType, string? password, string? expectedAuthority)
    {
        var provider = new MsalBotTokenProvider(Options.Create(Identity(appType, password, tenant: "contoso-tenant")));

        Assert.Equal(appType, provider.Target.AppType);
        Assert.Equal(expectedAuthority, provider.Target.Authority);
    }

    private static BotIdentityOptions Identity(BotAppType appType, string? password, string? tenant) => new()
    {
        MicrosoftAppType = appType,
        MicrosoftAppId = "app-id",
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenant,
    };
}

using BackCareBot.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    private static BotAuthenticationOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddBotAuthentication(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
    }

    [Fact]
    public void Options_NotConfigured_DefaultToPublicCloud()
    {
        var options = Resolve([]);

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.BotFrameworkIssuer);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/openid")]
    [InlineData("ftp://127.0.0.1/openid")]
    [InlineData("not a url")]
    public void Options_InsecureMetadataUrl_FailValidation(string url)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["BotAuthentication:EntraOpenIdMetadataUrl"] = url }));

        Assert.Contains("EntraOpenIdMetadataUrl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5050/openid")]
    [InlineData("http://localhost:5050/openid")]
    [InlineData("http://[::1]:5050/openid")]
    public void Options_HttpMetadataOnLoopback_Allowed(string url)
    {
        var options = Resolve(new() { ["BotAuthentication:BotFrameworkOpenIdMetadataUrl"] = url });

        Assert.Equal(url, options.BotFrameworkOpenIdMetadataUrl);
    }
}

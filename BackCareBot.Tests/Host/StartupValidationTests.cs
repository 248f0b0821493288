using BackCareBot.Tests.Functional;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Host;

/// <summary>Settings that cannot work stop the host at start-up, with a message that names the setting to fix.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string, string> BrokenSettings => new()
    {
        { "MicrosoftAppId", "my-bot", "MicrosoftAppId" },
        { "MicrosoftAppTenantId", "", "MicrosoftAppTenantId" },
        { "Storage:Provider", "Postgres", "Storage:ConnectionString" },
        { "Storage:Provider", "Cosmos", "Storage:ConnectionString" },
        { "BotAuthentication:BotFrameworkOpenIdMetadataUrl", "http://login.example/metadata", "BotAuthentication:BotFrameworkOpenIdMetadataUrl" },
        { "Connector:MaxAttempts", "0", "Connector:MaxAttempts" },
    };

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task Start_BrokenSetting_OptionsValidationExceptionNamingIt(string key, string value, string named)
    {
        await using var factory = DeployedBot().With(key, value);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(exception));
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidDeployedSettings_Starts()
    {
        await using var factory = DeployedBot();

        using var client = factory.CreateClient();

        Assert.NotNull(client);
    }

    // A complete SingleTenant configuration, so each test breaks exactly one thing.
    private static BotApplicationFactory DeployedBot() => new BotApplicationFactory()
        .With("MicrosoftAppId", "3f1c9a52-7f0e-4a55-9d0b-2b7d2f0c8e11")
        .With("MicrosoftAppType", "SingleTenant")
        .With("MicrosoftAppTenantId", "7c2d5e88-1b9f-4c1a-8f63-0a4e6b2d9c70")
        .With("MicrosoftAppPassword", "not-a-real-secret");

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerException!) : exception;
}

using BackCareBot.Connector;

namespace BackCareBot.Tests.Connector;

public sealed class ConnectorOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems()
    {
        var options = new ConnectorOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(5, options.MaxAttempts);
    }

    [Theory]
    [InlineData(0, 1, 30, 30)]
    [InlineData(5, 10, 5, 30)]
    [InlineData(5, 1, 30, 0)]
    public void Validate_OutOfRange_ReportsProblem(int maxAttempts, int baseDelaySeconds, int maxDelaySeconds, int timeoutSeconds)
    {
        var options = new ConnectorOptions
        {
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromSeconds(baseDelaySeconds),
            MaxDelay = TimeSpan.FromSeconds(maxDelaySeconds),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        Assert.Single(options.Validate());
    }
}

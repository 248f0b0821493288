using BackCareBot.Connector;

namespace BackCareBot.Tests.Connector;

public sealed class ConnectorUrisTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://directline.botframework.com/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("http://localhost:5000/", false)]
    [InlineData("http://[::1]:5000/", false)]
    [InlineData("http://devbox.internal:5000/", true)]
    public void ParseServiceUrl_AllowedUrl_Accepted(string serviceUrl, bool isLocalDevelopment)
    {
        var uri = ConnectorUris.ParseServiceUrl(serviceUrl, isLocalDevelopment);

        Assert.Equal(new Uri(serviceUrl), uri);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    [InlineData("ftp://127.0.0.1/", true)]
    [InlineData("file:///tmp/x", true)]
    [InlineData("/relative/path", true)]
    [InlineData("ws://127.0.0.1/", true)]
    public void ParseServiceUrl_DisallowedUrl_Throws(string serviceUrl, bool isLocalDevelopment)
    {
        Assert.Throws<ArgumentException>(() => ConnectorUris.ParseServiceUrl(serviceUrl, isLocalDevelopment));
    }

    [Fact]
    public void Activity_ServiceUrlWithQuery_DropsQueryAndEscapesIds()
    {
        var uri = ConnectorUris.Activity(new Uri("https://example.test/amer/?x=1"), "a/b c", "id#1");

        Assert.Equal("https://example.test/amer/v3/conversations/a%2Fb%20c/activities/id%231", uri.AbsoluteUri);
    }
}

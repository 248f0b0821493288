using BackCareBot.Tests.DirectLine;

namespace BackCareBot.Tests.WebChat;

/// <summary>
/// The page end to end in Debian's headless Chromium driven by playwright-core: a person completes a
/// self-care triage on a phone-sized screen and an emergency one, by keyboard. Screenshots are kept in
/// TestResults/screenshots for a person to look at.
/// </summary>
public sealed class WebChatBrowserTests(LiveBotHost host) : IClassFixture<LiveBotHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public Task SelfCareConversation_TypingAndClickingChoices_EndsWithCardsOnAPhoneScreen() => RunAsync("selfcare");

    [Fact]
    public Task EmergencyConversation_RedFlagMessage_ShowsCallEmergencyServicesButton() => RunAsync("emergency");

    private async Task RunAsync(string scenario)
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"), "Chromium is missing: run scripts/install-test-prerequisites.sh");
        var screenshots = Path.Combine(NodeClient.Directory, "..", "TestResults", "screenshots");
        var run = await NodeClient.RunAsync("webchat-browser.mjs", Timeout, host.BaseUrl, scenario, Path.GetFullPath(screenshots));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"OK {scenario}", run.Output, StringComparison.Ordinal);
    }
}

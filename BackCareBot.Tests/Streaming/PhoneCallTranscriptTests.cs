using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Streaming;

/// <summary>Keypad answers and hanging up, on the telephony channel and elsewhere (HTTP transcripts).</summary>
public sealed class PhoneCallTranscriptTests(BotApplicationFactory factory) : IClassFixture<BotApplicationFactory>
{
    [Fact]
    public async Task Severity_KeypadZeroOnAPhone_IsTen()
    {
        var call = new BotConversation(factory.CreateClient(), Channels.Telephony, "en-US");
        await call.StartAsync();
        await call.SayAsync("I hurt my lower back lifting a box this morning");

        var replies = await call.SayAsync("0");
        var known = await call.SayAsync("what do you know about me");

        Assert.Contains(replies.Messages(), m => m.Text!.StartsWith("Now some quick yes or no questions", StringComparison.Ordinal));
        Assert.Contains("Pain score: 10/10", known.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Severity_TypedZeroInAChat_IsZero()
    {
        var chat = new BotConversation(factory.CreateClient());
        await chat.StartAsync();
        await chat.SayAsync("I hurt my lower back lifting a box this morning");

        await chat.SayAsync("0");
        var known = await chat.SayAsync("what do you know about me");

        Assert.Contains("Pain score: 0/10", known.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YesNoQuestion_DigitTwo_MeansNoAndLeavesThePainScore()
    {
        var chat = new BotConversation(factory.CreateClient());
        await chat.StartAsync();
        await chat.SayAsync("I hurt my lower back lifting a box this morning");
        await chat.SayAsync("6");

        var replies = await chat.SayAsync("2");
        var known = await chat.SayAsync("what do you know about me");

        Assert.DoesNotContain(replies.Messages(), m => m.Text == "Thanks, I've changed that.");
        Assert.Contains("Pain score: 6/10", known.Texts(), StringComparison.Ordinal);
        Assert.Contains("Trouble peeing or pooing: no", known.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emergency_InAChat_DoesNotEndTheConversation()
    {
        var chat = new BotConversation(factory.CreateClient(), Channels.WebChat, "en-US");

        var replies = await chat.SayAsync("my back hurts and I can't control my bladder");

        Assert.Single(replies.Messages());
        Assert.DoesNotContain(replies, a => a.Type == ActivityTypes.EndOfConversation);
    }

    [Fact]
    public async Task Emergency_OnAPhone_IsTheOnlyMessageAndEndsTheCall()
    {
        var call = new BotConversation(factory.CreateClient(), Channels.Telephony, "en-GB");

        var replies = await call.SayAsync("my back hurts and I can't control my bladder");

        var message = Assert.Single(replies.Messages());
        SpeechAssert.IsVoiceReady(message);
        Assert.Contains("9 9 9", message.Speak, StringComparison.Ordinal);
        Assert.Equal(ActivityTypes.EndOfConversation, replies[^1].Type);
        Assert.Equal("completedSuccessfully", replies[^1].Code);
    }
}

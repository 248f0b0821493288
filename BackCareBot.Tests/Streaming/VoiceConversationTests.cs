using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Streaming;

/// <summary>Whole voice conversations over the streaming protocol, judged as a voice channel would judge them.</summary>
public sealed class VoiceConversationTests(VoiceConversationFixture fixture) : IClassFixture<VoiceConversationFixture>
{
    private VoiceRun Run => fixture.Run;

    private IEnumerable<VoiceTurn> AllTurns => Run.Conversations.Values.SelectMany(turns => turns);

    [Fact]
    public void Version_AskedOverTheSocket_NamesTheBot()
    {
        Assert.Equal(200, Run.VersionStatus);
        Assert.Contains("\"userAgent\":\"BackCareBot/", Run.VersionBody, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPath_AskedOverTheSocket_Is404()
    {
        Assert.Equal(404, Run.UnknownPathStatus);
    }

    [Fact]
    public void EveryActivity_SentByTheClient_IsAccepted()
    {
        Assert.All(AllTurns, turn => Assert.Equal(200, turn.Status));
    }

    [Fact]
    public void EveryReply_GoesBackOverTheSocketAsAReplyToItsActivity()
    {
        Assert.All(Run.Conversations, conversation => Assert.All(conversation.Value, turn => Assert.All(turn.Replies, reply =>
        {
            Assert.Equal("POST", reply.Verb);
            Assert.Equal($"/v3/conversations/{conversation.Key}/activities/{turn.SentId}", reply.Path);
            Assert.Equal(turn.SentId, reply.Activity.ReplyToId);
            Assert.StartsWith("urn:botframework:WebSocket:", reply.Activity.ServiceUrl, StringComparison.Ordinal);
        })));
    }

    [Fact]
    public void EveryMessage_HasValidSsmlInTheConfiguredVoiceAndAnInputHint()
    {
        var messages = AllTurns.SelectMany(turn => turn.Activities).Where(a => a.Type == ActivityTypes.Message).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, message =>
        {
            SpeechAssert.IsVoiceReady(message);
            var voice = XDocument.Parse(message.Speak!).Root!.Element(XName.Get("voice", "http://www.w3.org/2001/10/synthesis"))!;
            Assert.Equal("en-US-JennyNeural", voice.Attribute("name")?.Value);
            Assert.Equal("en-US", XDocument.Parse(message.Speak!).Root!.Attribute(XNamespace.Xml + "lang")?.Value);
            Assert.DoesNotMatch(new Regex(@"[\u2600-\u27BF]|\p{Cs}"), voice.Value);
        });
    }

    [Fact]
    public void EveryActivity_HasAnInputHint()
    {
        Assert.All(AllTurns.SelectMany(turn => turn.Activities), activity => Assert.False(string.IsNullOrEmpty(activity.InputHint)));
    }

    [Fact]
    public void EveryTurnThatAsksSomething_EndsExpectingInput()
    {
        var asking = fixture.Run.Conversations[VoiceConversationFixture.PhoneSelfCare].SkipLast(1);

        Assert.All(asking, turn => Assert.Equal(InputHints.ExpectingInput, turn.Activities.Last(a => a.Type == ActivityTypes.Message).InputHint));
    }

    [Fact]
    public void YesNoQuestions_OnAPhone_SayTheAnswersAndTheirKeys()
    {
        var questions = fixture.Run.Conversations[VoiceConversationFixture.PhoneSelfCare]
            .SelectMany(turn => turn.Activities)
            .Where(a => a.Text?.StartsWith("Do you have a fever", StringComparison.Ordinal) == true)
            .ToList();

        var question = Assert.Single(questions);
        Assert.Contains("Say yes, no, or not sure.", question.Speak, StringComparison.Ordinal);
        Assert.Contains("press one for yes, two for no", question.Speak, StringComparison.Ordinal);
    }

    [Fact]
    public void PhoneCall_SelfCare_EndsWithGoodbyeThenEndOfConversation()
    {
        var turns = fixture.Run.Conversations[VoiceConversationFixture.PhoneSelfCare];
        var last = turns[^1].Activities.Where(a => a.Type != ActivityTypes.Trace).ToList();

        Assert.Contains(last, a => a.Text?.StartsWith("From what you've told me, you can most likely look after this at home", StringComparison.Ordinal) == true);
        Assert.Equal(ActivityTypes.EndOfConversation, last[^1].Type);
        Assert.Equal("completedSuccessfully", last[^1].Code);
        Assert.StartsWith("Thank you for calling.", last[^2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(turns.SkipLast(1).SelectMany(t => t.Activities), a => a.Type == ActivityTypes.EndOfConversation);
    }

    [Fact]
    public void PhoneCall_KeypadDigits_AnswerSeverityAndYesNoWithoutChangingThePainScore()
    {
        var summary = fixture.Run.Conversations[VoiceConversationFixture.PhoneSelfCare][^1].Activities
            .Single(a => a.Text?.Contains("Pain score:", StringComparison.Ordinal) == true);

        Assert.Contains("Pain score: 6/10", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Trouble peeing or pooing: no", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Run.Conversations[VoiceConversationFixture.PhoneSelfCare].SelectMany(t => t.Activities),
            a => a.Text == "Thanks, I've changed that.");
    }

    [Fact]
    public void PhoneCall_Emergency_IsSpokenAloneAndThenTheCallEnds()
    {
        var turn = fixture.Run.Conversations[VoiceConversationFixture.PhoneEmergency][^1];
        var visible = turn.Activities.Where(a => a.Type != ActivityTypes.Trace).ToList();

        Assert.Equal([ActivityTypes.Message, ActivityTypes.EndOfConversation], visible.Select(a => a.Type));
        Assert.Equal(InputHints.IgnoringInput, visible[0].InputHint);
        Assert.Contains("Please call 9 1 1 now", visible[0].Speak, StringComparison.Ordinal);
        Assert.Equal("completedSuccessfully", visible[1].Code);
    }

    [Fact]
    public void DirectLineSpeech_EmergencyAsFirstWords_IsTheOnlyMessageAndTheConversationStaysOpen()
    {
        var turn = Assert.Single(fixture.Run.Conversations[VoiceConversationFixture.SpeechEmergency]);

        var message = Assert.Single(turn.Activities, a => a.Type == ActivityTypes.Message);
        Assert.StartsWith("Please call 911 now", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(turn.Activities, a => a.Type == ActivityTypes.EndOfConversation);
    }
}

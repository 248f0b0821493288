using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Triage;

/// <summary>Whole conversations through the real host (POST /api/messages, expectReplies).</summary>
public sealed class TriageTranscriptTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public TriageTranscriptTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ConversationUpdate_PersonJoins_WelcomeThenFirstQuestionOnce()
    {
        var chat = NewChat();

        var first = await chat.StartAsync();
        var again = await chat.StartAsync();

        var messages = first.Messages().ToList();
        Assert.True(messages[0].Says("welcome"), first.Texts());
        Assert.Contains("999", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains(messages, m => m.Says("askOnsetWhen"));
        Assert.Equal(InputHints.ExpectingInput, messages[^1].InputHint);
        Assert.Empty(again.Messages());
    }

    [Fact]
    public async Task SelfCarePath_AllAnswersBenign_EndsWithTipsSummaryAndTrace()
    {
        var chat = await AtSymptomQuestionsAsync();

        IReadOnlyList<Activity> last = [];
        foreach (var id in TriageScript.SymptomIds)
        {
            Assert.True(chat.Transcript.Messages().Last().Asks(id), $"expected question {id}, got: {chat.Transcript.Messages().Last().Text}");
            last = await chat.SayAsync("no");
        }

        var texts = last.Texts();
        Assert.True(last.Messages().First().Says("selfcare"), texts);
        Assert.Contains(TriageScript.Content.Tip("coldEarly").Text, texts, StringComparison.Ordinal);
        Assert.Contains(TriageScript.Content.Tip("stretchesLower").Text, texts, StringComparison.Ordinal);
        Assert.Contains(TriageScript.Content.Summary.Title, texts, StringComparison.Ordinal);
        var trace = last.OutcomeTrace();
        Assert.NotNull(trace);
        Assert.Equal("selfcare", trace.Value?.GetProperty("level").GetString());
        Assert.Equal(4, trace.Value?.GetProperty("summary").GetProperty("severity").GetInt32());
    }

    [Fact]
    public async Task AfterSelfCareOutcome_UrgentFlagMentioned_GetsTheUrgentAdvice()
    {
        var chat = await AtSymptomQuestionsAsync();
        foreach (var _ in TriageScript.SymptomIds)
        {
            await chat.SayAsync("no");
        }

        Assert.Contains(chat.Transcript.Messages(), m => m.Says("selfcare"));

        var later = await chat.SayAsync("I forgot to say I had cancer a few years ago");

        Assert.True(later.Messages().First().Says("urgent"), later.Texts());
        Assert.Equal("urgent", later.OutcomeTrace()?.Value?.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Cancel_AfterAnUrgentSign_GetsTheUrgentAdviceNotJustCancelled()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("it started 3 days ago and I had cancer a few years ago");

        var cancel = await chat.SayAsync("cancel");

        Assert.True(cancel.Messages().First().Says("urgent"), cancel.Texts());
        Assert.DoesNotContain(cancel.Messages(), m => m.Says("cancelled"));
    }

    [Fact]
    public async Task SlotFilling_SeveralFactsInOneMessage_SkipsWhatIsKnown()
    {
        var chat = NewChat();
        await chat.StartAsync();

        var replies = await chat.SayAsync("my lower back has been cramping since Tuesday after I lifted a box");

        var messages = replies.Messages().ToList();
        Assert.Contains(messages, m => m.Says("understood"));
        Assert.True(messages[^1].Says("askSeverity"), replies.Texts());
    }

    [Fact]
    public async Task Correction_ActuallyUpperBack_ReplacesLocation()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("2 days ago");
        await chat.SayAsync("slowly");
        await chat.SayAsync("lower back");

        var replies = await chat.SayAsync("actually it's the upper back, not the lower");
        var known = await chat.SayAsync("what do you know about me");

        Assert.Contains(replies.Messages(), m => m.Says("correctionNoted"));
        Assert.Contains("upper back", known.Texts(), StringComparison.Ordinal);
        Assert.DoesNotContain("lower back", known.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrgentPath_HistoryOfCancer_SeeADoctorToday()
    {
        var chat = await AtSymptomQuestionsAsync();

        IReadOnlyList<Activity> last = [];
        foreach (var id in TriageScript.SymptomIds)
        {
            last = await chat.SayAsync(id == "cancer_weight" ? "yes" : "no");
        }

        Assert.True(last.Messages().First().Says("urgent"), last.Texts());
        Assert.Equal("urgent", last.OutcomeTrace()?.Value?.GetProperty("level").GetString());
    }

    [Fact]
    public async Task GpPath_PainForTenDays_BookAnAppointment()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("10 days ago");
        await chat.SayAsync("slowly");
        await chat.SayAsync("lower back");
        await chat.SayAsync("3");
        IReadOnlyList<Activity> last = [];
        foreach (var _ in TriageScript.SymptomIds)
        {
            last = await chat.SayAsync("no");
        }

        Assert.True(last.Messages().First().Says("gp"), last.Texts());
        Assert.Contains(TriageScript.Content.Tip("heatLater").Text, last.Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymptomNotSure_SaddleNumbness_TreatedAsYesAndEscalated()
    {
        var chat = await AtSymptomQuestionsAsync();

        await chat.SayAsync("no");
        var replies = await chat.SayAsync("not sure");

        AssertEmergencyAlone(replies);
    }

    [Fact]
    public async Task LegQuestion_YesThenOneLeg_UrgentNotEmergency()
    {
        var chat = await AtSymptomQuestionsAsync();

        await chat.SayAsync("no");
        await chat.SayAsync("no");
        var detail = await chat.SayAsync("yes");
        await chat.SayAsync("Numb or tingling in one leg");
        IReadOnlyList<Activity> last = [];
        while (last.OutcomeTrace() is null && chat.Transcript.Count < 200)
        {
            last = await chat.SayAsync("no");
        }

        Assert.True(detail.Messages().Last().Says("askLegDetail"), detail.Texts());
        Assert.Equal("urgent", last.OutcomeTrace()?.Value?.GetProperty("level").GetString());
    }

    [Fact]
    public async Task LegQuestion_NoThatTalksOfLostFeeling_IsAskedAgainNotTakenAsNo()
    {
        var chat = await AtSymptomQuestionsAsync();
        await chat.SayAsync("no");
        await chat.SayAsync("no");

        var unclear = await chat.SayAsync("I haven't felt them properly since Monday");
        var yes = await chat.SayAsync("yes");

        Assert.True(unclear.Messages().Last().Says("retryYesNo"), unclear.Texts());
        Assert.True(yes.Messages().Last().Says("askLegDetail"), yes.Texts());
    }

    [Fact]
    public async Task PromptRetryLimit_NonsenseSeverity_EndsInSafeAdvice()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("yesterday");
        await chat.SayAsync("slowly");
        await chat.SayAsync("lower back");

        var first = await chat.SayAsync("banana");
        var second = await chat.SayAsync("banana");
        var third = await chat.SayAsync("banana");
        var after = await chat.SayAsync("hello");

        Assert.True(first.Messages().Last().Says("retrySeverity"), first.Texts());
        Assert.True(second.Messages().Last().Says("retrySeverity"), second.Texts());
        Assert.True(third.Messages().Single().Says("gaveUp"), third.Texts());
        Assert.NotEmpty(after.Messages());
    }

    [Fact]
    public async Task PromptRetryLimit_AfterAnUrgentSign_EndsInTheUrgentAdviceNotTheGeneralOne()
    {
        var chat = NewChat();
        await chat.StartAsync();

        await chat.SayAsync("I've had cancer in the past");
        await chat.SayAsync("banana");
        var last = await chat.SayAsync("banana");

        Assert.Equal("urgent", last.OutcomeTrace()?.Value?.GetProperty("level").GetString());
        Assert.DoesNotContain(last.Messages(), m => m.Says("gaveUp"));
    }

    [Fact]
    public async Task Hypothetical_WhatIfBladder_AnsweredWithoutEmergency()
    {
        var chat = NewChat();
        await chat.StartAsync();

        var replies = await chat.SayAsync("what if I lose control of my bladder?");

        Assert.Contains(replies.Messages(), m => m.Says("hypotheticalAnswer"));
        Assert.DoesNotContain(replies.Messages(), m => m.Says("emergency"));
        Assert.True(replies.Messages().Last().Says("askOnsetWhen"), replies.Texts());
    }

    [Fact]
    public async Task Commands_HelpTipsEmergency_AnswerThenAskAgain()
    {
        var chat = NewChat();
        await chat.StartAsync();

        var help = await chat.SayAsync("help");
        var tips = await chat.SayAsync("tips");
        var emergency = await chat.SayAsync("emergency");

        Assert.True(help.Messages().First().Says("help"));
        Assert.True(help.Messages().Last().Says("askOnsetWhen"));
        Assert.True(tips.Messages().First().Says("tipsCommand"));
        Assert.True(tips.Messages().Last().Says("askOnsetWhen"));
        Assert.True(emergency.Messages().First().Says("emergencyCommand"));
        Assert.True(emergency.Messages().Last().Says("askOnsetWhen"));
    }

    [Fact]
    public async Task Commands_RestartAndCancel_ClearAndStop()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("2 days ago");

        var restart = await chat.SayAsync("start over");
        var cancel = await chat.SayAsync("cancel");
        var known = await chat.SayAsync("what do you know about me");

        Assert.True(restart.Messages().First().Says("restarting"), restart.Texts());
        Assert.True(restart.Messages().Last().Says("askOnsetWhen"), restart.Texts());
        Assert.True(cancel.Messages().Single().Says("cancelled"), cancel.Texts());
        Assert.True(known.Messages().First().Says("whatIKnowNothing"), known.Texts());
    }

    [Fact]
    public async Task ForgetMe_Confirmed_DeletesStoredState()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("2 days ago");
        await chat.SayAsync("lower back");

        var storage = _factory.Services.GetRequiredService<IStorage>();
        var keys = new[] { $"test/conversations/{chat.ConversationId}", $"test/users/{chat.UserId}" };

        var confirm = await chat.SayAsync("forget me");
        var done = await chat.SayAsync("Yes, delete it");
        var stored = await storage.ReadAsync(keys, CancellationToken.None);
        var known = await chat.SayAsync("what do you know about me");

        Assert.True(confirm.Messages().Single().Says("forgetConfirm"), confirm.Texts());
        Assert.True(done.Messages().Single().Says("forgotten"), done.Texts());
        Assert.Empty(stored);
        Assert.Contains(known.Messages(), m => m.Says("whatIKnowNothing"));
    }

    [Fact]
    public async Task StoredConversation_WaitingOnAQuestion_KeepsTheQuestionsKeyNotItsWords()
    {
        var chat = await AtSymptomQuestionsAsync();
        var firstSymptom = TriageScript.SymptomIds[0];

        var storage = _factory.Services.GetRequiredService<IStorage>();
        var key = $"test/conversations/{chat.ConversationId}";
        var stored = (await storage.ReadAsync([key], CancellationToken.None))[key].Json;

        Assert.True(chat.Transcript.Messages().Last().Asks(firstSymptom), chat.Transcript.Texts());
        Assert.Contains($"\"catalogKey\":\"symptom:{firstSymptom}\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TriageScript.Question(firstSymptom), stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<speak", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_Declined_KeepsStateAndAsksAgain()
    {
        var chat = NewChat();
        await chat.StartAsync();
        await chat.SayAsync("2 days ago");

        await chat.SayAsync("forget me");
        var kept = await chat.SayAsync("no");

        Assert.True(kept.Messages().First().Says("notForgotten"), kept.Texts());
        Assert.True(kept.Messages().Last().Says("askOnsetHow"), kept.Texts());
    }

    [Fact]
    public async Task TraceActivities_OnlyOnDeveloperChannels()
    {
        var webChat = new BotConversation(_factory.CreateClient(), Channels.WebChat);
        await webChat.StartAsync();

        var replies = await webChat.SayAsync("I've wet myself and my legs keep giving way");

        Assert.True(replies.Messages().First().Says("emergency"), replies.Texts());
        Assert.DoesNotContain(replies, a => a.Type == ActivityTypes.Trace);
    }

    [Fact]
    public async Task EveryReply_IsVoiceReady()
    {
        var chat = NewChat();
        await chat.StartAsync();
        foreach (var answer in TriageScript.ToSymptoms.Concat(TriageScript.SymptomIds.Select(_ => "no")).Concat(["help", "tips", "forget me", "no"]))
        {
            await chat.SayAsync(answer);
        }

        foreach (var message in chat.Transcript.Messages())
        {
            SpeechAssert.IsVoiceReady(message);
        }
    }

    internal static void AssertEmergencyAlone(IReadOnlyList<Activity> replies)
    {
        var messages = replies.Messages().ToList();
        Assert.True(messages.Count == 1 && messages[0].Says("emergency"), $"expected the emergency advice alone, got:\n{replies.Texts()}");
        Assert.Equal(InputHints.IgnoringInput, messages[0].InputHint);
        Assert.Contains("999", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("emergency", replies.OutcomeTrace()?.Value?.GetProperty("level").GetString());
    }

    private BotConversation NewChat() => new(_factory.CreateClient());

    /// <summary>A conversation that has answered the main questions and is at the first symptom question.</summary>
    private async Task<BotConversation> AtSymptomQuestionsAsync()
    {
        var chat = NewChat();
        await chat.StartAsync();
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        return chat;
    }
}

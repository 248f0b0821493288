using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Triage;

namespace BackCareBot.Tests.Triage;

public sealed class LevelAssessorTests
{
    private static readonly LevelRules Rules = ConversationContentLoader.Load().LevelRules;

    private static readonly Dictionary<string, TriageLevel> Levels = new(StringComparer.Ordinal)
    {
        ["bladder_control"] = TriageLevel.Emergency,
        ["cancer_history"] = TriageLevel.Urgent,
        ["recurring"] = TriageLevel.Gp,
    };

    private static readonly LevelAssessor Assessor = new(Rules, id => Levels.GetValueOrDefault(id, TriageLevel.Emergency));

    [Fact]
    public void Assess_NothingReported_SelfCare()
    {
        var result = Assessor.Assess(new TriageFacts { OnsetSeconds = 3600, Locations = ["lower_back"], Severity = 8 });

        Assert.Equal(TriageLevel.SelfCare, result.Level);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Assess_MostUrgentFlagWins_ReasonsAreThatLevelsOnly()
    {
        var result = Assessor.Assess(new TriageFacts { RedFlags = ["recurring", "cancer_history", "bladder_control"] });

        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Equal(["bladder_control"], result.Reasons);
    }

    [Fact]
    public void Assess_LastingMoreThanAWeek_Gp()
    {
        var result = Assessor.Assess(new TriageFacts { OnsetSeconds = Rules.GpWhenOnsetLongerThanSeconds + 1 });

        Assert.Equal(TriageLevel.Gp, result.Level);
        Assert.Equal([LevelAssessor.LongDurationFlag], result.Reasons);
    }

    [Fact]
    public void Assess_SpreadingIntoLeg_Gp()
    {
        var result = Assessor.Assess(new TriageFacts { Locations = ["lower_back", "leg"] });

        Assert.Equal(TriageLevel.Gp, result.Level);
    }

    [Fact]
    public void Assess_UnknownFlag_TreatedAsEmergency()
    {
        Assert.Equal(TriageLevel.Emergency, Assessor.Assess(new TriageFacts { RedFlags = ["something_new"] }).Level);
    }
}

public sealed class TipSelectorTests
{
    private static readonly TipSelector Selector = new(ConversationContentLoader.Load().LevelRules);

    [Fact]
    public void Select_FirstDays_ColdNotHeat()
    {
        var tips = Selector.Select(new TriageFacts { OnsetSeconds = 86400 });

        Assert.Contains("coldEarly", tips);
        Assert.DoesNotContain("heatLater", tips);
    }

    [Fact]
    public void Select_AfterThreeDays_HeatNotCold()
    {
        var tips = Selector.Select(new TriageFacts { OnsetSeconds = 5 * 86400 });

        Assert.Contains("heatLater", tips);
        Assert.DoesNotContain("coldEarly", tips);
    }

    [Theory]
    [InlineData("upper_back", "stretchesUpper")]
    [InlineData("between_shoulder_blades", "stretchesUpper")]
    [InlineData("lower_back", "stretchesLower")]
    public void Select_Location_MatchingStretches(string location, string expected)
    {
        Assert.Contains(expected, Selector.Select(new TriageFacts { Locations = [location] }));
    }

    [Theory]
    [InlineData("exercise", "fluids")]
    [InlineData("dehydration_heat", "fluids")]
    [InlineData("stress", "relaxation")]
    [InlineData("sitting_driving", "desk")]
    [InlineData("lifting", "lifting")]
    public void Select_Trigger_MatchingAdvice(string trigger, string expected)
    {
        Assert.Contains(expected, Selector.Select(new TriageFacts { Trigger = trigger }));
    }

    [Fact]
    public void Select_SeverePain_AddsPacingAdvice()
    {
        Assert.Contains("severePain", Selector.Select(new TriageFacts { Severity = 8 }));
        Assert.DoesNotContain("severePain", Selector.Select(new TriageFacts { Severity = 3 }));
    }
}

public sealed class FactsMergerTests
{
    [Fact]
    public void Merge_SeveralFacts_FillsEachSlot()
    {
        var facts = new TriageFacts();
        var observation = Observation.Nothing with { OnsetSeconds = 172800, Locations = ["lower_back", "left"], Severity = 6, Trigger = "lifting" };

        var result = FactsMerger.Merge(facts, observation);

        Assert.Equal([Slot.OnsetTime, Slot.OnsetHow, Slot.Location, Slot.Severity], result.Filled);
        Assert.False(result.Corrected);
        Assert.Equal(["lower_back", "left"], facts.Locations);
    }

    [Fact]
    public void Merge_NewBackRegion_ReplacesOldAndCountsAsCorrection()
    {
        var facts = new TriageFacts { Locations = ["lower_back", "left", "buttock"] };

        var result = FactsMerger.Merge(facts, Observation.Nothing with { Locations = ["upper_back"] });

        Assert.True(result.Corrected);
        Assert.Equal(["left", "buttock", "upper_back"], facts.Locations);
    }

    [Fact]
    public void Merge_DeniedAfterAffirmed_FlagStays()
    {
        var facts = new TriageFacts();
        FactsMerger.Merge(facts, Observation.Nothing with { AffirmedFlags = [new FlagMention("night_pain", TriageLevel.Urgent)] });

        FactsMerger.Merge(facts, Observation.Nothing with { DeniedFlags = ["night_pain"] });

        Assert.Contains("night_pain", facts.RedFlags);
        Assert.DoesNotContain("night_pain", facts.DeniedFlags);
    }
}

public sealed class PhraseMatcherTests
{
    private static readonly PhraseMatcher Matcher = new(ConversationContentLoader.Load());

    [Theory]
    [InlineData("help", TriageCommand.Help)]
    [InlineData("Start over!", TriageCommand.Restart)]
    [InlineData("please forget me", TriageCommand.ForgetMe)]
    [InlineData("What do you know about me?", TriageCommand.WhatDoYouKnow)]
    [InlineData("how do I stop it hurting", TriageCommand.None)]
    [InlineData("I need help with my back", TriageCommand.None)]
    public void Command_WholeMessageOnly(string text, TriageCommand expected)
    {
        Assert.Equal(expected, Matcher.Command(text));
    }

    [Theory]
    [InlineData("yes", SymptomAnswer.Yes)]
    [InlineData("Yeah, sometimes", SymptomAnswer.Yes)]
    [InlineData("nope", SymptomAnswer.No)]
    [InlineData("no not at all", SymptomAnswer.No)]
    [InlineData("not sure", SymptomAnswer.NotSure)]
    [InlineData("I don't know", SymptomAnswer.NotSure)]
    [InlineData("banana", null)]
    [InlineData("I haven't felt them properly since Monday", null)]
    [InlineData("never this weak before", null)]
    [InlineData("I don't have much control", null)]
    [InlineData("no, I can feel them fine", SymptomAnswer.No)]
    [InlineData("I haven't noticed anything like that", SymptomAnswer.No)]
    [InlineData("never", SymptomAnswer.No)]
    [InlineData("I don't", SymptomAnswer.No)]
    public void YesNo_LongestLeadingPhraseWins(string text, SymptomAnswer? expected)
    {
        Assert.Equal(expected, Matcher.YesNo(text));
    }
}

using System.Globalization;
using System.Text.Json;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Engine;

public sealed class PromptTests
{
    private static readonly PromptOptions AreaOptions = new()
    {
        Prompt = Say.Message("Where?"),
        RetryPrompt = Say.Message("Where, again?"),
        Choices = SampleTriageDialog.Areas,
    };

    [Fact]
    public async Task TextPrompt_AnyText_ReturnsItTrimmed()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new TextPrompt("p"), new PromptOptions { Prompt = Say.Message("Name?") }, r => $"[{r.Text}]"));

        Assert.Equal(["Name?"], await adapter.SayAsync("hi"));
        Assert.Equal(["[Sam Smith]"], await adapter.SayAsync("  Sam Smith "));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("seven", 7)]
    [InlineData("about 6.5 I think", 6.5)]
    [InlineData("Twenty-one", 21)]
    [InlineData("it's a zero today", 0)]
    [InlineData("fifty", 50)]
    [InlineData("8/10", 8)]
    public async Task NumberPrompt_DigitsOrWords_ReturnsTheNumber(string answer, double expected)
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new NumberPrompt("p"), new PromptOptions { Prompt = Say.Message("How much?") }, r => r.Number!.Value.ToString(CultureInfo.InvariantCulture)));
        await adapter.SayAsync("hi");

        Assert.Equal([((decimal)expected).ToString(CultureInfo.InvariantCulture)], await adapter.SayAsync(answer));
    }

    [Theory]
    [InlineData("lower", "lower")]
    [InlineData("UPPER BACK", "upper")]
    [InlineData("lumbar", "lower")]
    [InlineData("2", "upper")]
    [InlineData("second", "upper")]
    [InlineData("the first one", "lower")]
    [InlineData("3rd", "neck")]
    [InlineData("last", "neck")]
    [InlineData("It's mostly my neck, to be honest", "neck")]
    [InlineData("right at the bottom of my back", "lower")]
    [InlineData("Upper back, I think.", "upper")]
    public async Task ChoicePrompt_ValueTitleSynonymOrdinalOrInsideSentence_FindsTheChoice(string answer, string expected)
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p"), AreaOptions, r => r.Choice!.Value));
        await adapter.SayAsync("hi");

        Assert.Equal([expected], await adapter.SayAsync(answer));
    }

    [Theory]
    [InlineData("lowered")]
    [InlineData("4")]
    [InlineData("fifth")]
    [InlineData("my back")]
    public async Task ChoicePrompt_NoWholeWordMatch_RetriesInsteadOfGuessing(string answer)
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p"), AreaOptions, r => r.Choice!.Value));
        await adapter.SayAsync("hi");

        Assert.Equal(["Where, again?"], await adapter.SayAsync(answer));
    }

    [Fact]
    public async Task ChoicePrompt_PromptAndRetry_CarryTheChoicesAsImBackSuggestedActions()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p"), AreaOptions, r => r.Choice!.Value));

        var prompt = Assert.Single(await adapter.SendAsync(Say.Message("hi")));
        var retry = Assert.Single(await adapter.SendAsync(Say.Message("banana")));

        foreach (var sent in new[] { prompt, retry })
        {
            var actions = sent.SuggestedActions!.Actions;
            Assert.Equal(["Lower back", "Upper back", "neck"], actions.Select(a => a.Title));
            Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            Assert.Equal(["Lower back", "Upper back", "neck"], actions.Select(a => a.Value!.Value.GetString()));
            Assert.Equal(InputHints.ExpectingInput, sent.InputHint);
        }

        Assert.Equal("Where, again?", retry.Text);
        Assert.Null(AreaOptions.Prompt.SuggestedActions);
        Assert.Null(AreaOptions.Prompt.Conversation);
    }

    [Fact]
    public async Task ChoicePrompt_CardSubmitWithoutText_UsesTheValueProperty()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p"), AreaOptions, r => r.Choice!.Value));
        await adapter.SayAsync("hi");

        var submit = new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse("""{"choice":"upper"}""").RootElement.Clone() };

        Assert.Equal("upper", Assert.Single(await adapter.SendAsync(submit)).Text);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yeah", true)]
    [InlineData("yep!", true)]
    [InlineData("y", true)]
    [InlineData("sure thing", true)]
    [InlineData("OK", true)]
    [InlineData("correct", true)]
    [InlineData("no", false)]
    [InlineData("Nope.", false)]
    [InlineData("nah", false)]
    [InlineData("n", false)]
    [InlineData("not really", false)]
    [InlineData("none", false)]
    [InlineData("I don't", false)]
    public async Task ConfirmPrompt_YesAndNoVariants_AreRecognised(string answer, bool expected)
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ConfirmPrompt("p"), new PromptOptions { Prompt = Say.Message("Sure?") }, r => r.Confirmed!.Value.ToString()));
        await adapter.SayAsync("hi");

        Assert.Equal([expected.ToString()], await adapter.SayAsync(answer));
    }

    [Fact]
    public async Task ConfirmPrompt_CustomWords_ReplaceTheEnglishList()
    {
        var words = new ConfirmWords(["ja"], ["nein"]);
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ConfirmPrompt("p", words: words), new PromptOptions { Prompt = Say.Message("?") }, r => r.Confirmed!.Value.ToString()));
        await adapter.SayAsync("hi");

        Assert.Equal(["?"], await adapter.SayAsync("yes"));
        Assert.Equal(["False"], await adapter.SayAsync("Nein"));
    }

    [Fact]
    public async Task Prompt_ValidatorRejects_RetryPromptIsSentOnEveryFailedAttempt()
    {
        var validatorCalls = new List<int>();
        var prompt = new NumberPrompt("p", async (v, ct) =>
        {
            validatorCalls.Add(v.AttemptCount);

            // A validator that says something itself must not swallow the retry prompt.
            await v.Context.SendActivityAsync(Say.Message("validator note"), ct);
            return v.Recognized.Value is >= 0 and <= 10;
        });
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(prompt, new PromptOptions { Prompt = Say.Message("0-10?"), RetryPrompt = Say.Message("Only 0-10."), MaxRetries = 5 }, r => $"ok {r.Number}"));
        await adapter.SayAsync("hi");

        Assert.Equal(["validator note", "Only 0-10."], await adapter.SayAsync("15"));
        Assert.Equal(["validator note", "Only 0-10."], await adapter.SayAsync("eleven"));
        Assert.Equal(["validator note", "Only 0-10."], await adapter.SayAsync("no idea"));
        Assert.Equal(["validator note", "ok 4"], await adapter.SayAsync("4"));
        Assert.Equal([1, 2, 3, 4], validatorCalls);
    }

    [Fact]
    public async Task Prompt_NoRetryPromptGiven_ResendsTheQuestion()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new NumberPrompt("p"), new PromptOptions { Prompt = Say.Message("How many?") }, r => $"{r.Number}"));
        await adapter.SayAsync("hi");

        Assert.Equal(["How many?"], await adapter.SayAsync("lots"));
        Assert.Equal(["How many?"], await adapter.SayAsync("loads"));
    }

    [Fact]
    public async Task Prompt_RetryLimitReached_EndsWithGaveUpInsteadOfLooping()
    {
        var adapter = new DialogTestAdapter(new SampleTriageDialog());
        await adapter.SayAsync("hi");

        Assert.Equal([SampleTriageDialog.AreaRetry], await adapter.SayAsync("banana"));
        Assert.Equal([SampleTriageDialog.AreaRetry], await adapter.SayAsync("apple"));
        Assert.Equal([SampleTriageDialog.GaveUpAdvice], await adapter.SayAsync("cherry"));

        Assert.Equal(DialogTurnStatus.Complete, adapter.LastResult!.Status);
        Assert.True(adapter.LastResult.Result.IsGaveUp);
        Assert.Empty(await adapter.StoredStackIdsAsync());
    }

    [Fact]
    public async Task Prompt_ZeroRetries_GivesUpOnFirstFailure()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ConfirmPrompt("p"), new PromptOptions { Prompt = Say.Message("Sure?"), MaxRetries = 0 }, r => "answered"));
        await adapter.SayAsync("hi");

        Assert.Equal(["gave up"], await adapter.SayAsync("perhaps"));
    }

    [Fact]
    public async Task Prompt_NonMessageActivity_IsIgnoredWithoutUsingAnAttempt()
    {
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ConfirmPrompt("p"), new PromptOptions { Prompt = Say.Message("Sure?"), MaxRetries = 0 }, r => $"{r.Confirmed}"));
        await adapter.SayAsync("hi");

        Assert.Empty(await adapter.SendAsync(new Activity { Type = ActivityTypes.Typing }));
        Assert.Equal(DialogTurnStatus.Waiting, adapter.LastResult!.Status);
        Assert.Equal(["True"], await adapter.SayAsync("yes"));
    }
}

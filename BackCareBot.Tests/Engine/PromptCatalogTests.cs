using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Engine;

public sealed class PromptCatalogTests
{
    [Fact]
    public async Task CatalogPrompt_StoresTheKeyInsteadOfTheQuestion()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));

        Assert.Equal(["Where? [en-GB]"], await adapter.SayAsync("hi"));

        var stored = await adapter.ReadStoredJsonAsync();
        Assert.Contains("\"catalogKey\":\"area\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Where?", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Lower back", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogPrompt_LaterTurns_AreRebuiltForThatTurn()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));
        await adapter.SayAsync("hi");

        var retry = Assert.Single(await adapter.SendAsync(new Activity { Type = ActivityTypes.Message, Text = "no idea", Locale = "en-IE" }));

        Assert.Equal("Where, again? [en-IE]", retry.Text);
        Assert.Equal(["Lower back", "Upper back", "neck"], retry.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal(["upper"], await adapter.SayAsync("between my shoulder blades"));
    }

    [Fact]
    public async Task CatalogPrompt_AnsweredOnTheNextTurn_BuildsNoActivityThatTurn()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));
        await adapter.SayAsync("hi");
        var builtToAsk = catalog.QuestionsBuilt;

        Assert.Equal(["lower"], await adapter.SayAsync("lower back"));

        Assert.Equal(builtToAsk, catalog.QuestionsBuilt);
    }

    [Fact]
    public async Task CatalogPrompt_EveryRetryGetsFreshButtons()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));
        await adapter.SayAsync("hi");
        await adapter.SayAsync("no idea");

        var second = Assert.Single(await adapter.SendAsync("still no idea"));

        Assert.Equal(3, second.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public async Task CatalogPrompt_RetriesRunOut_GivesUpAtTheCatalogsLimit()
    {
        var catalog = new AreaCatalog { MaxRetries = 1 };
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));
        await adapter.SayAsync("hi");

        Assert.Equal(["Where, again? [en-GB]"], await adapter.SayAsync("no idea"));
        Assert.Equal(["gave up"], await adapter.SayAsync("still no idea"));
    }

    [Fact]
    public async Task CatalogPrompt_KeyNoLongerInTheCatalog_FailsTheTurnLoudly()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p", catalog: catalog), catalog.Area(), r => r.Choice!.Value));
        await adapter.SayAsync("hi");
        catalog.Forget = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SayAsync("lower"));

        Assert.Contains("'area'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptWithoutCatalog_StartedWithACatalogKey_IsRejected()
    {
        var catalog = new AreaCatalog();
        var adapter = new DialogTestAdapter(TestDialogs.EchoPrompt(new ChoicePrompt("p"), catalog.Area(), r => r.Choice!.Value));

        await Assert.ThrowsAsync<ArgumentException>(() => adapter.SayAsync("hi"));
    }

    /// <summary>Builds its one question from the turn's locale, so a test can tell a rebuilt question from a stored one.</summary>
    private sealed class AreaCatalog : IPromptCatalog
    {
        public int MaxRetries { get; init; } = 2;

        public bool Forget { get; set; }

        public int QuestionsBuilt { get; private set; }

        public PromptOptions Area(string locale = "en-GB") => Build(locale).Start("area");

        public CatalogPrompt? Find(string key, ITurnContext turnContext) =>
            key == "area" && !Forget ? Build(turnContext.Activity.Locale ?? "en-GB") : null;

        private CatalogPrompt Build(string locale) => new(
            SampleTriageDialog.Areas,
            MaxRetries,
            () => Counted(Say.Message($"Where? [{locale}]")),
            () => Counted(Say.Message($"Where, again? [{locale}]")));

        private Activity Counted(Activity built)
        {
            QuestionsBuilt++;
            return built;
        }
    }
}

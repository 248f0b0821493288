using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Tests.Recognition;

public sealed class RecognizerVocabularyTests
{
    private static string EnglishJson()
    {
        using var stream = typeof(Recognizer).Assembly.GetManifestResourceStream("BackCareBot.Dialogs.Knowledge.en.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void LoadEmbedded_English_HasEveryRedFlagOfTheSharedVocabulary()
    {
        var vocabulary = RecognizerVocabulary.LoadEmbedded("en");

        string[] expected =
        [
            "bladder_control", "bowel_control", "saddle_numbness", "sexual_dysfunction", "leg_weakness", "bilateral_leg_symptoms",
            "chest_pain", "breathing_difficulty", "severe_abdominal_pain", "fainting", "trauma", "high_fever", "unrelenting_pain",
            "one_leg_numbness", "kidney_signs", "cancer_history", "weight_loss", "night_pain", "fever", "drug_use",
            "immunosuppression", "osteoporosis_steroids", "thoracic_pain", "pregnancy", "recurring", "radiating_pain",
            "limits_activities", "spine_condition", "not_improving",
        ];
        Assert.Equal(expected.Order(), vocabulary.RedFlags.Select(f => f.Id).Order());
    }

    [Fact]
    public void Load_UnknownTopLevelSection_IsIgnored()
    {
        var json = EnglishJson().TrimEnd().TrimEnd('}') + ", \"conversation\": { \"anything\": [1, 2, 3] } }";

        var vocabulary = RecognizerVocabulary.Load(json, "en.json");

        Assert.Equal("en", vocabulary.Language);
    }

    [Theory]
    [InlineData("\"level\": \"emergency\"", "\"level\": \"critical\"", "unknown level 'critical'")]
    [InlineData("\"phrases\": [\"fever\", \"fevers\",", "\"phrases\": [], \"x\": [\"fever\", \"fevers\",", "red flag 'high_fever' has no phrases")]
    [InlineData("\"@pee wont come\"", "\"@nosuchclass wont come\"", "unknown word class '@nosuchclass'")]
    [InlineData("\"maxGap\": 3", "\"maxGap\": \"three\"", "'maxGap'")]
    [InlineData("\"redFlags\": [", "\"redFlagz\": [", "missing array 'redFlags'")]
    [InlineData("\"areas\": [\"@bladder\"]", "\"areas\": []", "'lostAbility' of red flag 'bladder_control' needs both 'abilities' and 'areas'")]
    [InlineData("\"areas\": [\"@bowel\"]", "\"areas\": [\"@nosuchpart\"]", "unknown word class '@nosuchpart'")]
    [InlineData("\"flag\": \"high_fever\"", "\"flag\": \"hot\"", "temperature names unknown red flag 'hot'")]
    [InlineData("\"lowest\": 34, \"fever\": 38", "\"lowest\": 40, \"fever\": 38", "'celsiusScale' must have lowest < fever < highest")]
    public void Load_MalformedFile_FailsWithMessageNamingTheProblem(string original, string broken, string expectedMessage)
    {
        var json = EnglishJson();
        Assert.Contains(original, json, StringComparison.Ordinal);

        var error = Assert.Throws<RecognizerVocabularyException>(() => RecognizerVocabulary.Load(ReplaceFirst(json, original, broken), "en.json"));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("en.json:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_FailsClearly()
    {
        var error = Assert.Throws<RecognizerVocabularyException>(() => RecognizerVocabulary.Load("{ nope", "es.json"));

        Assert.StartsWith("es.json: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numbess", "numbness", true)]
    [InlineData("bladdder", "bladder", true)]
    [InlineData("tingeling", "tingling", true)]
    [InlineData("bladedr", "bladder", true)]
    [InlineData("fever", "fever", true)]
    [InlineData("ladder", "bladder", true)]
    [InlineData("numness", "numbness", true)]
    [InlineData("nmbss", "numbness", false)]
    [InlineData("bladder", "blunder", false)]
    public void WithinOneEdit_Pairs_MatchOnlyOneEditApart(string typed, string word, bool expected) =>
        Assert.Equal(expected, FuzzyIndex.WithinOneEdit(typed, word));

    [Theory]
    [InlineData("I fell off a ladder", "trauma")]
    [InlineData("I never had a fever", null)]
    public void Recognize_KnownRealWords_AreNotReadAsTypos(string text, string? expectedFlag)
    {
        var result = Recognizer.CreateDefault().Recognize(text, DateTimeOffset.UnixEpoch);

        Assert.Equal(expectedFlag is null ? [] : [expectedFlag], result.RedFlags.Select(f => f.Id));
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}

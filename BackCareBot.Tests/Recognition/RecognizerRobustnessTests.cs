using System.Text;
using BackCareBot.Dialogs.Recognition;

namespace BackCareBot.Tests.Recognition;

public sealed class RecognizerRobustnessTests
{
    private static readonly Lazy<Recognizer> Shared = new(Recognizer.CreateDefault);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> StrangeInputs() =>
    [
        "",
        "   ",
        "😀😀😀 my back 🔥🔥 hurts 💀",
        "背中が痛いです、足がしびれます",
        "мне больно, I can't pee",
        "\u0000\u0001\u0002 \uFFFD\uD800 lone surrogate",
        "!!!???...,,,;;;///---",
        "99999999999999999999999999999 days",
        "1.2.3.4.5 hours 3-4-5-6 days 7/10/10",
        "a a a a a a a a a a a a a a a a a a a a a a a a",
        "'s 's 's can't't n't",
        string.Concat(Enumerable.Repeat("no ", 1500)),
        string.Concat(Enumerable.Repeat("I fell ", 600)),
        string.Concat(Enumerable.Repeat("numb legs both ", 300)),
        string.Concat(Enumerable.Repeat("what if ", 500)) + "I can't pee",
        new string('x', 4096),
        string.Concat(Enumerable.Repeat("1,000 ", 700)),
        string.Concat(Enumerable.Repeat("and is ", 1200)),
        string.Concat(Enumerable.Repeat("my legs, they ", 600)),
        string.Concat(Enumerable.Repeat("wee is fine, poo is not, ", 350)),
        string.Concat(Enumerable.Repeat("I feel fine but my bowels don't, ", 300)),
        string.Concat(Enumerable.Repeat("everything else feels normal but my bowels don't, ", 250)),
        string.Concat(Enumerable.Repeat("I can but not my ", 500)),
        string.Concat(Enumerable.Repeat("my bowels aren't right, ", 400)),
        string.Concat(Enumerable.Repeat("my mum's bowels aren't right ", 400)),
        string.Concat(Enumerable.Repeat("I can feel my left leg but not my right ", 250)),
        string.Concat(Enumerable.Repeat("left right but not my left one ", 300)),
        string.Concat(Enumerable.Repeat("my bladder's ok but not my bowels. ", 250)),
        string.Concat(Enumerable.Repeat("I do have control of my wee but not my poo ", 200)),
        string.Concat(Enumerable.Repeat("not sure about my bowels ", 400)),
        string.Concat(Enumerable.Repeat("no fever and legs feel weak and ", 300)),
        string.Concat(Enumerable.Repeat("no and legs are and ", 400)),
        string.Concat(Enumerable.Repeat("I'm fine, but not my bowels. ", 300)),
        string.Concat(Enumerable.Repeat("I've had no problems with my bladder but not my bowels ", 150)),
        string.Concat(Enumerable.Repeat("I can control my wee but not always my poo ", 200)),
        string.Concat(Enumerable.Repeat("my right leg is numb and so is my left ", 250)),
        string.Concat(Enumerable.Repeat("fine apart from my bowels ", 350)),
        string.Concat(Enumerable.Repeat("no problems with my bladder, not my bowels either, ", 200)),
        string.Concat(Enumerable.Repeat("so is my left arm and so is my right ", 300)),
        string.Concat(Enumerable.Repeat("I feel fine but not my bowels, ", 300)),
        string.Concat(Enumerable.Repeat("I I I am I feeling fine but not my ", 300)),
        string.Concat(Enumerable.Repeat("legs and feet and bladder and bowels are ", 300)),
        string.Concat(Enumerable.Repeat("no fever and legs and feet are numb and ", 300)),
        string.Concat(Enumerable.Repeat("not had a fever and wee ", 400)),
        string.Concat(Enumerable.Repeat("my right leg used to be numb years ago and so was my left ", 200)),
        "not", "is not", ", not", "and is", "but not my", "they", "my legs they",
        "but not my right", "not my left one", "left but not right", "aren't right", "isn't right", "bowels not", "right",
    ];

    [Theory]
    [MemberData(nameof(StrangeInputs))]
    public void Recognize_StrangeInput_ReturnsResultWithoutThrowing(string text)
    {
        var result = Shared.Value.Recognize(text, Now);

        Assert.NotNull(result);
        Assert.All(result.RedFlags, f => Assert.False(string.IsNullOrEmpty(f.Evidence)));
    }

    [Fact]
    public void Recognize_RandomBytesDecodedAsText_NeverThrows()
    {
        var random = new Random(20261121);
        var buffer = new byte[512];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(buffer);
            var text = Encoding.UTF8.GetString(buffer, 0, random.Next(buffer.Length));
            _ = Shared.Value.Recognize(text, Now);
        }
    }

    [Fact]
    public void Recognize_RandomVocabularyWordSalad_NeverThrows()
    {
        var words = "no not but can't pee wet myself legs numb both fell 3 days ago what if my mum cancer 7/10 half an hour , . ? since monday last lasts each every a few couple"
            .Split(' ');
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)]));
            _ = Shared.Value.Recognize(text, Now);
        }
    }

    [Fact]
    public void Recognize_PatientEmergencyHiddenInRepetition_StillFound()
    {
        var text = string.Concat(Enumerable.Repeat("my back hurts. ", 200)) + "I can't feel my bum when I wipe.";

        var result = Shared.Value.Recognize(text[..Math.Min(text.Length, Recognizer.MaxCharacters)], Now);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
    }

    [Fact]
    public void Recognize_EmergencyAfterTheFirstWindow_StillFound()
    {
        var text = string.Concat(Enumerable.Repeat("my back hurts. ", 2000)) + "I can't feel my bum when I wipe.";
        Assert.True(text.Length > 3 * Recognizer.MaxCharacters);

        var result = Shared.Value.Recognize(text, Now);

        Assert.Equal(RedFlagLevel.Emergency, result.Level);
    }

    [Fact]
    public void Recognize_NotFineAfterManyDenials_StillFound()
    {
        var text = string.Concat(Enumerable.Repeat("my bladder is fine. ", 300)) + "My bladder isn't right.";

        var result = Shared.Value.Recognize(text, Now);

        Assert.Contains(result.RedFlags, f => f.Id == "bladder_control");
    }

    // Every mention is judged until the flag is affirmed: the person's own complaint after many about someone else, or
    // many lost abilities about someone else, is still found.
    [Theory]
    [InlineData("my mum lost control of her bladder, ", 20, "and now I can't control my bladder", "bladder_control")]
    [InlineData("my mum has numb legs, ", 20, "and my legs are numb", "bilateral_leg_symptoms")]
    [InlineData("my mum can't control her bowels, ", 20, "and I can't control my bowels", "bowel_control")]
    [InlineData("what if I can't control my bladder? ", 10, "I can't control my bladder", "bladder_control")]
    [InlineData("my mum can't control her bladder, ", 10, "and I can't control my bladder", "bladder_control")]
    [InlineData("what if I don't have any control over my bladder? ", 10, "I don't have any control over my bladder", "bladder_control")]
    [InlineData("my mum doesn't have any control over her bladder, ", 10, "and I don't have any control over my bladder", "bladder_control")]
    public void Recognize_OwnComplaintAfterManyAboutSomeoneElse_StillFound(string repeated, int times, string own, string flag)
    {
        var text = string.Concat(Enumerable.Repeat(repeated, times)) + own;

        var result = Shared.Value.Recognize(text, Now);

        Assert.Contains(result.RedFlags, f => f.Id == flag);
    }

    [Fact]
    public void Recognize_DeniedFlagAfterTheFirstWindow_StaysDenied()
    {
        var text = string.Concat(Enumerable.Repeat("my back hurts. ", 1000)) + "There is no numbness around my bottom.";

        var result = Shared.Value.Recognize(text, Now);

        Assert.Equal(RedFlagLevel.None, result.Level);
        Assert.Contains(result.IgnoredFlags, f => f.Reason == IgnoreReason.Negated);
    }

    [Fact]
    public void Recognize_ConcurrentCalls_GiveSameResults()
    {
        var texts = new[] { "no fever but I can't pee", "my mum had cancer", "about a 6 out of 10 since yesterday" };
        var expected = texts.Select(t => Shared.Value.Recognize(t, Now)).ToArray();

        Parallel.For(0, 300, i =>
        {
            var result = Shared.Value.Recognize(texts[i % 3], Now);
            Assert.Equal(expected[i % 3].Level, result.Level);
            Assert.Equal(expected[i % 3].Severity, result.Severity);
            Assert.Equal(expected[i % 3].Durations.Count, result.Durations.Count);
        });
    }
}

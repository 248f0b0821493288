using BenchmarkDotNet.Attributes;
using BackCareBot.Dialogs.Recognition;

namespace BackCareBot.Benchmarks;

/// <summary>Full recognition of typical chat lines; one operation is one utterance.</summary>
[MemoryDiagnoser]
public class RecognizerBenchmarks
{
    private static readonly string[] Lines =
    [
        "my lower back has been killing me since yesterday",
        "I hurt it lifting a box, about a 7 out of 10",
        "no fever but I can't pee",
        "it started 3 days ago and each spasm lasts about 20 minutes",
        "my mum had cancer",
        "pain shooting down my left leg into my foot",
        "I slept funny and woke up with it",
        "hi",
        "should I worry that my legs keep giving way?",
        "no numbness or tingling, bladder and bowels are fine",
        "it's a dull ache on the right side, comes and goes",
        "I fell off my bike in 2015 but that healed",
        "what stretches can I do at my desk?",
        "been about a week and a half, not getting better",
        "yes",
        "I've been really stressed at work and my shoulders are tight",
    ];

    private readonly DateTimeOffset _now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private Recognizer _recognizer = null!;

    [GlobalSetup]
    public void Setup() => _recognizer = Recognizer.CreateDefault();

    [Benchmark(OperationsPerInvoke = 16)]
    public int RecognizeTypicalLine()
    {
        var flags = 0;
        foreach (var line in Lines)
        {
            flags += _recognizer.Recognize(line, _now).RedFlags.Count;
        }

        return flags;
    }
}

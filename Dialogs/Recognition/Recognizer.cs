using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Durations;
using BackCareBot.Dialogs.Recognition.Locations;
using BackCareBot.Dialogs.Recognition.Onset;
using BackCareBot.Dialogs.Recognition.RedFlags;
using BackCareBot.Dialogs.Recognition.Severity;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition;

/// <summary>
/// The local recogniser: a pipeline of small extractors over one tokenization and one phrase-matching pass (phrases are
/// matched again only where words stand apart: an elided statement, read whole, and a subject carried into its predicate).
/// It is thread-safe (per-thread scratch state) and never throws for any text. It is always authoritative
/// for safety; cloud enrichment may only add to what it finds.
/// </summary>
public sealed class Recognizer : IRecognizer
{
    /// <summary>
    /// Longer text is read in windows of this size, so one pathological message costs a bounded amount per
    /// window, yet a red flag at the end of a long message still counts.
    /// </summary>
    public const int MaxCharacters = 8192;

    // Windows overlap by this much, so a phrase and the words around it that give it its context (a negation,
    // "what if") are seen whole in at least one window.
    private const int WindowOverlap = 512;

    private const string TraumaTrigger = "trauma";

    [ThreadStatic]
    private static Utterance? t_scratch;

    private readonly RecognizerEngine _engine;
    private readonly RedFlagExtractor _redFlags;
    private readonly DurationExtractor _durations;
    private readonly SeverityExtractor _severity;
    private readonly LocationExtractor _locations;
    private readonly OnsetExtractor _onset;
    private readonly EllipsisReader _ellipses;
    private readonly SubjectCarrier _subjects;

    public Recognizer(RecognizerVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _engine = new RecognizerEngineBuilder(vocabulary).Build();
        var context = new ContextAnalyzer(vocabulary.Context, _engine.AssertiveNegatives, _engine.Words.AndWord);
        var lostAbility = new LostAbilityReader(_engine.AssertiveNegatives);
        var notFine = new NotFineReader(vocabulary.RedFlags, context);
        _ellipses = new EllipsisReader(new RebuiltStatementReader(_engine.Matcher, lostAbility, notFine, context), _engine.Tokenizer);
        _subjects = new SubjectCarrier(_engine.FlagMatcher);
        var temperatures = vocabulary.Temperature is { } temperature
            ? new TemperatureReader(temperature, vocabulary.RedFlags.ToList().FindIndex(f => f.Id == temperature.Flag), _engine.Words.UnitSeconds)
            : null;
        _redFlags = new RedFlagExtractor(vocabulary.RedFlags, context, lostAbility, notFine, temperatures);
        _durations = new DurationExtractor(_engine.Words);
        _severity = new SeverityExtractor(_engine.Words, vocabulary.Severity.Bands, context);
        _locations = new LocationExtractor([.. vocabulary.Locations.Select(l => l.Id)], context);
        _onset = new OnsetExtractor(
            [.. vocabulary.Paces.Select(p => p.Id)],
            [.. vocabulary.Triggers.Select(t => t.Id)],
            TraumaTrigger,
            context);
    }

    /// <summary>A recogniser over the embedded English vocabulary.</summary>
    public static Recognizer CreateDefault() => new(RecognizerVocabulary.LoadEmbedded("en"));

    public RecognitionResult Recognize(string text, DateTimeOffset referenceTime)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RecognitionResult.Empty;
        }

        if (text.Length <= MaxCharacters)
        {
            return RecognizeWindow(text, referenceTime);
        }

        // The details of the pain come from the first window; red flags from every window.
        var result = RecognizeWindow(text[..MaxCharacters], referenceTime);
        for (var start = MaxCharacters - WindowOverlap; start + WindowOverlap < text.Length; start += MaxCharacters - WindowOverlap)
        {
            var window = RecognizeWindow(text.Substring(start, Math.Min(MaxCharacters, text.Length - start)), referenceTime);
            result = result.WithRedFlags(window.RedFlags, window.IgnoredFlags);
        }

        return result;
    }

    private RecognitionResult RecognizeWindow(string text, DateTimeOffset referenceTime)
    {
        var u = t_scratch ??= new Utterance();
        u.Reset(text, referenceTime);
        _engine.Tokenizer.Tokenize(text, u.Tokens);
        u.PrepareTokenArrays();
        MarkBarriers(u);
        _engine.Matcher.Match(u.TokenSpan, u.Barrier.AsSpan(0, u.Tokens.Count), u.Matches);
        u.GroupMatches();
        _ellipses.Resolve(u);
        ClauseSegmenter.Segment(u);
        _subjects.Carry(u);
        ContextAnalyzer.Prepare(u);

        var (level, affirmed, ignored) = _redFlags.Extract(u);
        return new RecognitionResult(
            level,
            affirmed,
            ignored,
            _durations.Extract(u),
            _locations.Extract(u),
            _severity.Extract(u),
            _onset.Extract(u, affirmed.Exists(f => f.Id == TraumaTrigger)));
    }

    private void MarkBarriers(Utterance u)
    {
        var tokens = u.TokenSpan;
        var barrierWords = _engine.BarrierWords;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            u.Barrier[i] = token.Kind switch
            {
                TokenKind.Word => token.Id >= 0 && token.Id < barrierWords.Length && barrierWords[token.Id],
                TokenKind.Number => false,
                _ => true,
            };
        }
    }
}

using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition;

/// <summary>
/// Everything compiled once from a vocabulary: the tokenizer, one matcher for all phrases, one for red-flag phrases
/// alone (read again across a subject carried into its predicate), and the id sets.
/// </summary>
internal sealed record RecognizerEngine(
    Tokenizer Tokenizer,
    PhraseMatcher Matcher,
    PhraseMatcher FlagMatcher,
    bool[] BarrierWords,
    WordSets Words,
    IReadOnlySet<int> AssertiveNegatives);

/// <summary>Compiles a vocabulary into a RecognizerEngine; all vocabulary words are interned before typo correction is built.</summary>
internal sealed class RecognizerEngineBuilder
{
    private readonly RecognizerVocabulary _vocabulary;
    private readonly Lexicon _lexicon;
    private readonly PhraseCompiler _compiler;
    private readonly List<Pattern> _patterns = [];
    private readonly HashSet<int> _assertive;
    private readonly Dictionary<int, double> _numberWords = [];

    public RecognizerEngineBuilder(RecognizerVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _lexicon = new Lexicon(vocabulary.Spellings);
        var joins = new Dictionary<long, int>();
        foreach (var (pair, joined) in vocabulary.Joins)
        {
            var words = pair.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            joins[Tokenizer.JoinKey(_lexicon.Intern(words[0]), _lexicon.Intern(words[1]))] = _lexicon.Intern(joined);
        }

        foreach (var (word, value) in vocabulary.Numbers)
        {
            _numberWords[_lexicon.Intern(word)] = value;
        }

        _compiler = new PhraseCompiler(_lexicon, vocabulary.WordClasses, joins, _numberWords.Keys.ToHashSet());
        _assertive = [.. vocabulary.Context.AssertiveNegatives.SelectMany(_compiler.Words)];
        Joins = joins;
    }

    private Dictionary<long, int> Joins { get; }

    public RecognizerEngine Build()
    {
        var v = _vocabulary;
        var gap = v.MaxGap;
        for (var i = 0; i < v.RedFlags.Count; i++)
        {
            Add(v.RedFlags[i].Phrases, PatternKind.RedFlag, i, gap);
            Add(v.RedFlags[i].NotWhen, PatternKind.RedFlagBlocker, i, gap);
            Add(v.RedFlags[i].Denials, PatternKind.RedFlagDenial, i, gap);
            Add(v.RedFlags[i].CancelledBy, PatternKind.RedFlagCanceller, i, gap);
            Add(v.RedFlags[i].LostAbilities, PatternKind.LostAbility, i);
            Add(v.RedFlags[i].LostAbilityAreas, PatternKind.LostAbilityArea, i);
        }

        AddContext(v.Context);
        if (v.Temperature is { } temperature)
        {
            Add(temperature.Cues, PatternKind.TemperatureCue);
            Add(temperature.Celsius, PatternKind.CelsiusUnit);
            Add(temperature.Fahrenheit, PatternKind.FahrenheitUnit);
        }

        AddDurations(v.Durations);
        AddSeverity(v.Severity);
        for (var i = 0; i < v.Locations.Count; i++)
        {
            Add(v.Locations[i].Phrases, PatternKind.Location, i, 1);
            Add(v.Locations[i].NotWhen, PatternKind.LocationBlocker, i, 1);
        }

        for (var i = 0; i < v.Paces.Count; i++)
        {
            Add(v.Paces[i].Phrases, PatternKind.Pace, i, gap);
        }

        for (var i = 0; i < v.Triggers.Count; i++)
        {
            Add(v.Triggers[i].Phrases, PatternKind.Trigger, i, gap);
            Add(v.Triggers[i].NotWhen, PatternKind.TriggerBlocker, i, gap);
        }

        var units = v.Units.ToDictionary(p => _compiler.Words(p.Key)[0], p => p.Value);
        var weekdays = v.Durations.Weekdays.ToDictionary(p => _compiler.Words(p.Key)[0], p => p.Value);
        var words = new WordSets
        {
            NumberWords = _numberWords,
            ApproximateNumbers = v.ApproximateNumbers.Select(_lexicon.Intern).ToHashSet(),
            UnitSeconds = units,
            Weekdays = weekdays,
            RelativeTimes = v.Durations.RelativeTimes,
            LastWord = _lexicon.Intern(v.Durations.LastWord),
            OfWord = _lexicon.Intern("of"),
            AndWord = _lexicon.Intern("and"),
        };

        var fuzzyTargets = _compiler.VocabularyWords.Concat(units.Keys).Concat(weekdays.Keys).Concat(_numberWords.Keys).ToList();
        foreach (var known in v.KnownWords)
        {
            _lexicon.Intern(known);
        }

        var barrierIds = v.Context.Terminators.Select(_compiler.Words).Where(w => w.Length == 1).Select(w => w[0]).ToList();
        var gapStopIds = v.GapStops.SelectMany(_compiler.Words).ToList();
        var wideStopIds = v.WideStops.SelectMany(_compiler.Words).ToList();
        var exceptionIds = v.Context.Exceptions.Select(_compiler.Words).Where(w => w.Length == 1).Select(w => w[0]).ToList();
        var fuzzy = new FuzzyIndex(_lexicon, fuzzyTargets, v.FuzzyMinLength);
        var barriers = new bool[_lexicon.Count];
        foreach (var id in barrierIds)
        {
            barriers[id] = true;
        }

        var gapStops = new bool[_lexicon.Count];
        foreach (var id in gapStopIds)
        {
            gapStops[id] = true;
        }

        var wideStops = new bool[_lexicon.Count];
        foreach (var id in wideStopIds)
        {
            wideStops[id] = true;
        }

        var exceptionWords = new bool[_lexicon.Count];
        foreach (var id in exceptionIds)
        {
            exceptionWords[id] = true;
        }

        var numberWordIds = _numberWords.Keys.ToHashSet();
        var assertiveWords = new bool[_lexicon.Count];
        foreach (var id in _assertive)
        {
            assertiveWords[id] = true;
        }

        // Red-flag phrases and what rules them out, matched again over words read across clauses.
        var flagPatterns = _patterns.Where(p => p.Kind is PatternKind.RedFlag or PatternKind.RedFlagBlocker).ToList();
        var gapRules = new GapRules(gapStops, wideStops, exceptionWords);
        return new RecognizerEngine(
            new Tokenizer(_lexicon, fuzzy, Joins),
            new PhraseMatcher(_patterns, _lexicon.Count, numberWordIds, assertiveWords, gapRules),
            new PhraseMatcher(flagPatterns, _lexicon.Count, numberWordIds, assertiveWords, gapRules),
            barriers,
            words,
            _assertive);
    }

    private void AddContext(ContextVocabulary c)
    {
        Add(c.Negation, PatternKind.Negation);
        Add(c.NegationAfter, PatternKind.NegationAfter);
        Add(c.Pseudo, PatternKind.Pseudo);
        Add(c.Uncertainty.Where(u => u.Split(' ').Length > 1), PatternKind.Pseudo);
        Add(c.Terminators, PatternKind.Terminator);
        Add(c.ClauseStarters, PatternKind.ClauseStarter);
        Add(c.ClauseJoiners, PatternKind.ClauseJoiner);
        Add(c.Hypothetical, PatternKind.Hypothetical);
        Add(c.HypotheticalNear, PatternKind.HypotheticalNear);
        Add(c.OtherPerson, PatternKind.OtherPerson);
        Add(c.OtherPersonAfter, PatternKind.OtherPersonAfter);
        Add(c.FirstPerson, PatternKind.FirstPerson);
        Add(c.Past, PatternKind.Past);
        Add(c.Resolved, PatternKind.Resolved);
        Add(c.Current, PatternKind.Current);
        Add(c.Anaphora, PatternKind.Anaphora);
        Add(c.Exceptions, PatternKind.Exception);
        Add(c.HypotheticalAfter, PatternKind.HypotheticalAfter);
        Add(c.SpeakerToo, PatternKind.SpeakerToo);
        Add(c.Novelty, PatternKind.Novelty);
        Add(c.AbilityKeptBy, PatternKind.AbilityKeptBy);
        Add(c.AbilityLoss, PatternKind.AbilityLoss);
        Add(c.AbilityPartlyAfter, PatternKind.AbilityPartlyAfter);
        Add(c.Possession, PatternKind.Possession);
        Add(c.PartPronouns, PatternKind.PartPronoun);
        Add(c.PluralParts, PatternKind.PluralPart);
        Add(c.CoordinatedPredicates, PatternKind.CoordinatedPredicate);
        Add(c.Auxiliaries, PatternKind.Auxiliary);
        Add(c.EllipsisNegatives, PatternKind.EllipsisNegative);
        Add(c.EllipsisTrailers, PatternKind.EllipsisTrailer);
        Add(c.EllipsisAlso, PatternKind.EllipsisAlso);
        Add(c.EllipsisSides, PatternKind.EllipsisSide);
        Add(c.EllipsisSelves, PatternKind.EllipsisSelf);
        Add(c.EllipsisCircumstances, PatternKind.EllipsisCircumstance);
        Add(c.ListedParts, PatternKind.ListedPart);
        Add(c.PartObjects, PatternKind.PartObject);
        Add(c.WrongWhenNegated, PatternKind.WrongWhenNegated);
    }

    private void AddDurations(DurationVocabulary d)
    {
        for (var i = 0; i < d.RelativeTimes.Count; i++)
        {
            Add([d.RelativeTimes[i].Phrase], PatternKind.RelativeTime, i, 0);
        }

        Add(d.EpisodeBefore, PatternKind.EpisodeBefore, gap: 1);
        Add(d.EpisodeAfter, PatternKind.EpisodeAfter, gap: 1);
        Add(d.FrequencyBefore, PatternKind.FrequencyBefore);
        Add(d.FrequencyAfter, PatternKind.FrequencyAfter);
        Add(d.NotDurationAfter, PatternKind.NotDurationAfter);
        Add(d.NotDurationBefore, PatternKind.NotDurationBefore);
        Add(d.NotOnsetBefore, PatternKind.NotOnsetBefore);
        Add(d.RangeWords, PatternKind.RangeWord);
        Add(d.HalfWords, PatternKind.HalfWord);
        Add(d.AgoWords, PatternKind.AgoWord);
        Add(d.Fillers, PatternKind.DurationFiller);
        Add(d.LastAdjectiveBefore, PatternKind.LastAdjectiveBefore);
    }

    private void AddSeverity(SeverityVocabulary s)
    {
        Add(s.OutOf, PatternKind.OutOf);
        Add(s.Cues, PatternKind.SeverityCue);
        Add(s.NotAfter, PatternKind.SeverityNotAfter);
        Add(s.NotWhen, PatternKind.SeverityBlocker);
        for (var i = 0; i < s.Bands.Count; i++)
        {
            Add(s.Bands[i].Phrases, PatternKind.SeverityBand, i, 0);
        }
    }

    private void Add(IEnumerable<string> phrases, PatternKind kind, int index = 0, int gap = 0)
    {
        foreach (var phrase in phrases)
        {
            var slots = _compiler.Compile(phrase);
            if (slots.Length == 0)
            {
                continue;
            }

            _patterns.Add(new Pattern(slots, kind, index, gap, _vocabulary.WideGap));
        }
    }
}

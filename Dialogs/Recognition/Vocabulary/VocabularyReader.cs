using System.Globalization;
using System.Text.Json;

namespace BackCareBot.Dialogs.Recognition.Vocabulary;

/// <summary>Reads the recogniser's sections of a knowledge file; top-level keys it does not know are left alone.</summary>
internal sealed class VocabularyReader(string source)
{
    private static readonly Dictionary<string, RedFlagLevel> Levels = new(StringComparer.Ordinal)
    {
        ["emergency"] = RedFlagLevel.Emergency,
        ["urgent"] = RedFlagLevel.Urgent,
        ["gp"] = RedFlagLevel.Gp,
    };

    public RecognizerVocabulary Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("the file must hold one JSON object");
        }

        var matching = Object(root, "matching");
        var context = Object(root, "context");
        var durations = Object(root, "durations");
        var severity = Object(root, "severity");
        var onset = Object(root, "onset");
        var wordClasses = ReadWordClasses(Object(root, "wordClasses"));
        var redFlags = ReadRedFlags(Array(root, "redFlags"));

        var vocabulary = new RecognizerVocabulary
        {
            Language = String(root, "language", "the file"),
            MaxGap = Int(matching, "maxGap", 0, 6),
            FuzzyMinLength = Int(matching, "fuzzyMinLength", 3, 20),
            WideGap = Int(matching, "wideGap", 0, 20),
            GapStops = OptionalStrings(matching, "gapStops", "matching"),
            WideStops = OptionalStrings(matching, "wideStops", "matching"),
            Spellings = StringMap(Object(root, "spellings"), "spellings"),
            Joins = ReadJoins(Object(root, "joins")),
            WordClasses = wordClasses,
            RedFlags = redFlags,
            Context = ReadContext(context),
            Numbers = NumberMap(Object(root, "numbers"), "numbers", allowZero: true),
            ApproximateNumbers = Strings(root, "approximateNumbers"),
            Units = NumberMap(Object(root, "units"), "units", allowZero: false),
            Durations = ReadDurations(durations),
            Severity = ReadSeverity(severity),
            Locations = ReadGroups(Array(root, "locations"), "location"),
            Paces = ReadGroups(Array(onset, "pace"), "onset pace"),
            Triggers = ReadGroups(Array(onset, "triggers"), "onset trigger"),
            KnownWords = Strings(root, "knownWords"),
            Temperature = root.TryGetProperty("temperature", out var temperature) ? ReadTemperature(temperature, redFlags) : null,
        };
        CheckClassReferences(vocabulary);
        return vocabulary;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadWordClasses(JsonElement element)
    {
        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var entries = StringArray(property.Value, $"word class '@{property.Name}'");
            if (entries.Count == 0)
            {
                throw Fail($"word class '@{property.Name}' is empty");
            }

            classes[property.Name] = entries;
        }

        return classes;
    }

    private List<RedFlagDefinition> ReadRedFlags(JsonElement array)
    {
        var flags = new List<RedFlagDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail("every entry of 'redFlags' must be an object");
            }

            var id = String(item, "id", "a red flag");
            if (!ids.Add(id))
            {
                throw Fail($"red flag '{id}' is defined twice");
            }

            var levelName = String(item, "level", $"red flag '{id}'");
            if (!Levels.TryGetValue(levelName, out var level))
            {
                throw Fail($"red flag '{id}' has unknown level '{levelName}' (expected emergency, urgent or gp)");
            }

            var phrases = Strings(item, "phrases", $"red flag '{id}'");
            if (phrases.Count == 0)
            {
                throw Fail($"red flag '{id}' has no phrases");
            }

            var (abilities, areas) = ReadLostAbility(item, id);
            flags.Add(new RedFlagDefinition(
                id,
                level,
                String(item, "description", $"red flag '{id}'"),
                phrases,
                OptionalStrings(item, "notWhen", $"red flag '{id}'"),
                OptionalStrings(item, "supersedes", $"red flag '{id}'"),
                item.TryGetProperty("historyCounts", out var history) && history.ValueKind == JsonValueKind.True)
            {
                Denials = OptionalStrings(item, "denials", $"red flag '{id}'"),
                CancelledBy = OptionalStrings(item, "cancelledBy", $"red flag '{id}'"),
                LostAbilities = abilities,
                LostAbilityAreas = areas,
                NotFineCounts = item.TryGetProperty("notFineCounts", out var notFine) && notFine.ValueKind == JsonValueKind.True,
            });
        }

        foreach (var flag in flags)
        {
            foreach (var superseded in flag.Supersedes)
            {
                if (!ids.Contains(superseded))
                {
                    throw Fail($"red flag '{flag.Id}' supersedes unknown red flag '{superseded}'");
                }
            }
        }

        if (flags.Count == 0)
        {
            throw Fail("'redFlags' is empty");
        }

        return flags;
    }

    private (List<string> Abilities, List<string> Areas) ReadLostAbility(JsonElement flag, string id)
    {
        if (!flag.TryGetProperty("lostAbility", out var lost))
        {
            return ([], []);
        }

        var owner = $"the 'lostAbility' of red flag '{id}'";
        if (lost.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{owner} must be an object");
        }

        var abilities = Strings(lost, "abilities", owner);
        var areas = Strings(lost, "areas", owner);
        if (abilities.Count == 0 || areas.Count == 0)
        {
            throw Fail($"{owner} needs both 'abilities' and 'areas'");
        }

        return (abilities, areas);
    }

    private TemperatureVocabulary ReadTemperature(JsonElement t, List<RedFlagDefinition> flags)
    {
        if (t.ValueKind != JsonValueKind.Object)
        {
            throw Fail("'temperature' must be an object");
        }

        var flag = String(t, "flag", "temperature");
        if (!flags.Exists(f => f.Id == flag))
        {
            throw Fail($"temperature names unknown red flag '{flag}'");
        }

        return new TemperatureVocabulary(
            flag,
            Strings(t, "cues", "temperature"),
            Strings(t, "celsius", "temperature"),
            Strings(t, "fahrenheit", "temperature"),
            Scale(t, "celsiusScale"),
            Scale(t, "fahrenheitScale"));
    }

    private TemperatureScale Scale(JsonElement t, string name)
    {
        var scale = Object(t, name);
        double Number(string key) =>
            scale.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw Fail($"temperature '{name}' needs a number '{key}'");

        var (lowest, fever, highest) = (Number("lowest"), Number("fever"), Number("highest"));
        return lowest < fever && fever < highest
            ? new TemperatureScale(lowest, highest, fever)
            : throw Fail($"temperature '{name}' must have lowest < fever < highest");
    }

    private ContextVocabulary ReadContext(JsonElement c) => new ContextVocabulary(
        Int(c, "negationWindow", 1, 30),
        Int(c, "hypotheticalWindow", 1, 40),
        Int(c, "nearWindow", 0, 10),
        Int(c, "pastWindow", 1, 40),
        Int(c, "afterWindow", 0, 10),
        Strings(c, "negation", "context"),
        Strings(c, "negationAfter", "context"),
        Strings(c, "assertiveNegatives", "context"),
        Strings(c, "pseudo", "context"),
        Strings(c, "uncertainty", "context"),
        Strings(c, "terminators", "context"),
        Strings(c, "clauseStarters", "context"),
        Strings(c, "clauseJoiners", "context"),
        Strings(c, "hypothetical", "context"),
        Strings(c, "hypotheticalNear", "context"),
        Strings(c, "otherPerson", "context"),
        Strings(c, "otherPersonAfter", "context"),
        Strings(c, "firstPerson", "context"),
        Strings(c, "past", "context"),
        Strings(c, "resolved", "context"),
        Strings(c, "current", "context"),
        Strings(c, "anaphora", "context"))
    {
        Exceptions = OptionalStrings(c, "exceptions", "context"),
        HypotheticalAfter = OptionalStrings(c, "hypotheticalAfter", "context"),
        SpeakerToo = OptionalStrings(c, "speakerToo", "context"),
        Novelty = OptionalStrings(c, "novelty", "context"),
        AbilityKeptBy = OptionalStrings(c, "abilityKeptBy", "context"),
        AbilityLoss = OptionalStrings(c, "abilityLoss", "context"),
        AbilityPartlyAfter = OptionalStrings(c, "abilityPartlyAfter", "context"),
        Possession = OptionalStrings(c, "possession", "context"),
        PartPronouns = OptionalStrings(c, "partPronouns", "context"),
        PluralParts = OptionalStrings(c, "pluralParts", "context"),
        CoordinatedPredicates = OptionalStrings(c, "coordinatedPredicates", "context"),
        Auxiliaries = OptionalStrings(c, "auxiliaries", "context"),
        EllipsisNegatives = OptionalStrings(c, "ellipsisNegatives", "context"),
        EllipsisTrailers = OptionalStrings(c, "ellipsisTrailers", "context"),
        EllipsisAlso = OptionalStrings(c, "ellipsisAlso", "context"),
        EllipsisSides = OptionalStrings(c, "ellipsisSides", "context"),
        EllipsisSelves = OptionalStrings(c, "ellipsisSelves", "context"),
        EllipsisCircumstances = OptionalStrings(c, "ellipsisCircumstances", "context"),
        ListedParts = OptionalStrings(c, "listedParts", "context"),
        PartObjects = OptionalStrings(c, "partObjects", "context"),
        WrongWhenNegated = OptionalStrings(c, "wrongWhenNegated", "context"),
    };

    private DurationVocabulary ReadDurations(JsonElement d)
    {
        var weekdayNames = Strings(d, "weekdays", "durations");
        if (weekdayNames.Count != 7)
        {
            throw Fail("durations 'weekdays' must list the seven days, Sunday first");
        }

        var weekdays = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            weekdays[weekdayNames[i]] = (DayOfWeek)i;
        }

        foreach (var (alias, day) in StringMap(Object(d, "weekdayAliases"), "durations 'weekdayAliases'"))
        {
            if (!weekdays.TryGetValue(day, out var dayOfWeek))
            {
                throw Fail($"weekday alias '{alias}' names unknown day '{day}'");
            }

            weekdays[alias] = dayOfWeek;
        }

        var relative = new List<RelativeTime>();
        foreach (var item in Array(d, "relativeTimes").EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail("every relative time must be an object");
            }

            var phrase = String(item, "phrase", "a relative time");
            var daysBack = item.TryGetProperty("daysBack", out var days) && days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var n) ? n : 0;
            var clock = Clock(item, "clock", phrase);
            var start = Clock(item, "start", phrase);

            DayOfWeek? weekday = null;
            if (item.TryGetProperty("weekday", out var weekdayElement))
            {
                if (weekdayElement.ValueKind != JsonValueKind.String || !weekdays.TryGetValue(weekdayElement.GetString() ?? "", out var parsedDay))
                {
                    throw Fail($"relative time '{phrase}' names unknown weekday '{weekdayElement.GetString()}'");
                }

                weekday = parsedDay;
            }

            if (daysBack < 0 || (daysBack == 0 && clock is null && weekday is null))
            {
                throw Fail($"relative time '{phrase}' needs daysBack > 0, a clock or a weekday");
            }

            relative.Add(new RelativeTime(phrase, daysBack, clock, weekday, start));
        }

        return new DurationVocabulary(
            relative,
            weekdays,
            Strings(d, "notOnsetBefore", "durations"),
            Strings(d, "episodeBefore", "durations"),
            Strings(d, "episodeAfter", "durations"),
            Strings(d, "frequencyBefore", "durations"),
            Strings(d, "frequencyAfter", "durations"),
            Strings(d, "notDurationAfter", "durations"),
            Strings(d, "notDurationBefore", "durations"),
            Strings(d, "rangeWords", "durations"),
            Strings(d, "halfWords", "durations"),
            Strings(d, "agoWords", "durations"),
            Strings(d, "fillers", "durations"),
            String(d, "lastWord", "durations"),
            Strings(d, "lastAdjectiveBefore", "durations"));
    }

    private TimeSpan? Clock(JsonElement item, string name, string phrase)
    {
        if (!item.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !TimeSpan.TryParseExact(element.GetString(), "hh\\:mm", CultureInfo.InvariantCulture, out var parsed))
        {
            throw Fail($"relative time '{phrase}' has a {name} that is not hh:mm");
        }

        return parsed;
    }

    private SeverityVocabulary ReadSeverity(JsonElement s)
    {
        var bands = new List<SeverityBand>();
        foreach (var item in Array(s, "bands").EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail("every severity band must be an object");
            }

            if (!item.TryGetProperty("value", out var valueElement) || valueElement.ValueKind != JsonValueKind.Number || !valueElement.TryGetInt32(out var value) || value is < 0 or > 10)
            {
                throw Fail("every severity band needs a whole-number 'value' from 0 to 10");
            }

            var phrases = Strings(item, "phrases", $"severity band {value}");
            if (phrases.Count == 0)
            {
                throw Fail($"severity band {value} has no phrases");
            }

            bands.Add(new SeverityBand(value, phrases));
        }

        return new SeverityVocabulary(
            Strings(s, "outOf", "severity"),
            Strings(s, "cues", "severity"),
            Strings(s, "notAfter", "severity"),
            bands,
            OptionalStrings(s, "notWhen", "severity"));
    }

    private List<PhraseGroup> ReadGroups(JsonElement array, string what)
    {
        var groups = new List<PhraseGroup>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail($"every {what} must be an object");
            }

            var id = String(item, "id", $"a {what}");
            var phrases = Strings(item, "phrases", $"{what} '{id}'");
            if (phrases.Count == 0)
            {
                throw Fail($"{what} '{id}' has no phrases");
            }

            groups.Add(new PhraseGroup(id, phrases, OptionalStrings(item, "notWhen", $"{what} '{id}'")));
        }

        return groups;
    }

    private Dictionary<string, string> ReadJoins(JsonElement element)
    {
        var joins = StringMap(element, "joins");
        foreach (var key in joins.Keys)
        {
            if (key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 2)
            {
                throw Fail($"join '{key}' must be exactly two words");
            }
        }

        return joins;
    }

    private void CheckClassReferences(RecognizerVocabulary vocabulary)
    {
        void Check(IEnumerable<string> phrases, string owner)
        {
            foreach (var phrase in phrases)
            {
                foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.StartsWith('@') && !vocabulary.WordClasses.ContainsKey(word[1..]))
                    {
                        throw Fail($"unknown word class '{word}' in phrase '{phrase}' of {owner}");
                    }
                }
            }
        }

        foreach (var flag in vocabulary.RedFlags)
        {
            Check(flag.Phrases, $"red flag '{flag.Id}'");
            Check(flag.NotWhen, $"red flag '{flag.Id}'");
            Check(flag.Denials, $"red flag '{flag.Id}'");
            Check(flag.CancelledBy, $"red flag '{flag.Id}'");
            Check(flag.LostAbilities, $"red flag '{flag.Id}'");
            Check(flag.LostAbilityAreas, $"red flag '{flag.Id}'");
        }

        Check(vocabulary.Context.AbilityKeptBy, "context 'abilityKeptBy'");
        Check(vocabulary.Context.PluralParts, "context 'pluralParts'");

        foreach (var group in vocabulary.Locations.Concat(vocabulary.Paces).Concat(vocabulary.Triggers))
        {
            Check(group.Phrases, $"'{group.Id}'");
            Check(group.NotWhen, $"'{group.Id}'");
        }
    }

    private JsonElement Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Fail($"missing object '{name}'");

    private JsonElement Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw Fail($"missing array '{name}'");

    private string String(JsonElement parent, string name, string owner) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Fail($"{owner} has no '{name}'");

    private int Int(JsonElement parent, string name, int min, int max) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw Fail($"'{name}' must be a whole number from {min} to {max}");

    private List<string> Strings(JsonElement parent, string name, string owner = "the file") =>
        parent.TryGetProperty(name, out var value)
            ? StringArray(value, $"'{name}' of {owner}")
            : throw Fail($"{owner} has no '{name}'");

    private List<string> OptionalStrings(JsonElement parent, string name, string owner) =>
        parent.TryGetProperty(name, out var value) ? StringArray(value, $"'{name}' of {owner}") : [];

    private List<string> StringArray(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{what} must be an array of strings");
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Fail($"{what} holds an empty or non-string entry");
            }

            list.Add(item.GetString()!.Trim());
        }

        return list;
    }

    private Dictionary<string, string> StringMap(JsonElement element, string what)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                throw Fail($"{what}: '{property.Name}' must map to a non-empty string");
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map;
    }

    private Dictionary<string, double> NumberMap(JsonElement element, string what, bool allowZero)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var number) || number < 0 || (!allowZero && number == 0))
            {
                throw Fail($"{what}: '{property.Name}' must map to a {(allowZero ? "non-negative" : "positive")} number");
            }

            map[property.Name] = number;
        }

        return map;
    }

    private RecognizerVocabularyException Fail(string problem) => new($"{source}: {problem}");
}

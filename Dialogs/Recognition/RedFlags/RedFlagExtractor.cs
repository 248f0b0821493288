using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.RedFlags;

/// <summary>
/// Turns red-flag phrase matches into affirmed and ignored flags: drops mentions ruled out by "notWhen"
/// phrases or superseded by a more specific flag, then asks ConText about each remaining mention.
/// A negated ability over a flag's part of the body ("no control over my bladder") is a mention too, and so, for a
/// flag with "notFineCounts", is its part said to be not fine ("my bowels aren't right").
/// A flag counts if any one of its mentions is affirmed. Otherwise denial phrases ("bladder's fine") only ever add a
/// negated flag, so the dialog knows the person has already answered that question.
/// </summary>
internal sealed class RedFlagExtractor(
    IReadOnlyList<RedFlagDefinition> flags,
    ContextAnalyzer context,
    LostAbilityReader lostAbility,
    NotFineReader notFine,
    TemperatureReader? temperatures)
{
    private readonly int[][] _supersededBy = BuildSupersededBy(flags);

    public (RedFlagLevel Level, List<RedFlagMention> Affirmed, List<IgnoredFlag> Ignored) Extract(Utterance u)
    {
        var affirmed = new List<RedFlagMention>();
        var ignored = new List<IgnoredFlag>();
        var level = RedFlagLevel.None;
        var mentions = u.Of(PatternKind.RedFlag);
        var denials = u.Of(PatternKind.RedFlagDenial);
        var areas = u.Of(PatternKind.LostAbilityArea);
        IReadOnlyList<TemperatureReading> readings = temperatures?.Read(u) ?? [];
        if (mentions.Count == 0 && denials.Count == 0 && areas.Count == 0 && readings.Count == 0)
        {
            return (level, affirmed, ignored);
        }

        Span<byte> state = stackalloc byte[flags.Count];
        Span<sbyte> firstReason = stackalloc sbyte[flags.Count];
        state.Clear();
        firstReason.Fill(-1);
        var order = new List<int>();
        var evidence = new string?[flags.Count];

        foreach (var mention in mentions)
        {
            var flag = mention.Index;
            if (state[flag] == 2 || Excluded(u, mention, mentions) || NormalReading(mention, readings))
            {
                continue;
            }

            Judge(u, flag, mention.Start, mention.End, state, firstReason, evidence, order);
        }

        foreach (var area in areas)
        {
            var flag = area.Index;
            if (state[flag] != 2 && lostAbility.Find(u, area) is var (start, end) && !Blocked(u, flag, start, end))
            {
                Judge(u, flag, start, end, state, firstReason, evidence, order);
            }
        }

        foreach (var denial in denials)
        {
            var flag = denial.Index;
            if (state[flag] != 2 && notFine.Find(u, denial) is var (start, end) && !Blocked(u, flag, start, end))
            {
                Judge(u, flag, start, end, state, firstReason, evidence, order);
            }
        }

        var temperatureFlag = temperatures?.Flag ?? -1;
        foreach (var reading in readings)
        {
            if (reading.Fever && state[temperatureFlag] != 2 && !Blocked(u, temperatureFlag, reading.Start, reading.End))
            {
                Judge(u, temperatureFlag, reading.Start, reading.End, state, firstReason, evidence, order, negationCounts: false);
            }
        }

        foreach (var denial in denials)
        {
            var flag = denial.Index;
            if (state[flag] == 0 && context.IsNegated(u, denial.Start, denial.End))
            {
                order.Add(flag);
                state[flag] = 1;
                firstReason[flag] = (sbyte)IgnoreReason.Negated;
            }
        }

        foreach (var flag in order)
        {
            var definition = flags[flag];
            if (state[flag] == 2)
            {
                affirmed.Add(new RedFlagMention(definition.Id, definition.Level, evidence[flag]!));
                level = definition.Level > level ? definition.Level : level;
            }
            else
            {
                ignored.Add(new IgnoredFlag(definition.Id, (IgnoreReason)firstReason[flag]));
            }
        }

        return (level, affirmed, ignored);
    }

    /// <summary>State per flag: 0 not seen, 1 seen but not affirmed (first reason kept), 2 affirmed (first evidence kept).</summary>
    private void Judge(
        Utterance u, int flag, int start, int end, Span<byte> state, Span<sbyte> firstReason, string?[] evidence, List<int> order, bool negationCounts = true)
    {
        if (state[flag] == 0)
        {
            order.Add(flag);
            state[flag] = 1;
        }

        var reason = context.Classify(u, start, end, flags[flag].HistoryCounts, negationCounts);
        if (reason is null)
        {
            state[flag] = 2;
            evidence[flag] = u.Quote(start, end);
        }
        else if (firstReason[flag] < 0)
        {
            firstReason[flag] = (sbyte)reason.Value;
        }
    }

    /// <summary>"temperature is 36.8": the words that would raise the fever flag report a normal reading.</summary>
    private bool NormalReading(PhraseMatch mention, IReadOnlyList<TemperatureReading> readings)
    {
        foreach (var reading in readings)
        {
            if (!reading.Fever && mention.Index == temperatures!.Flag && mention.Overlaps(reading.Start, reading.End))
            {
                return true;
            }
        }

        return false;
    }

    private bool Excluded(Utterance u, PhraseMatch mention, List<PhraseMatch> mentions)
    {
        if (Blocked(u, mention.Index, mention.Start, mention.End))
        {
            return true;
        }

        foreach (var canceller in u.Of(PatternKind.RedFlagCanceller))
        {
            if (canceller.Index == mention.Index && u.Sentence[canceller.Start] == u.Sentence[mention.Start]
                && !canceller.Overlaps(mention.Start, mention.End))
            {
                return true;
            }
        }

        var superseders = _supersededBy[mention.Index];
        if (superseders.Length == 0)
        {
            return false;
        }

        foreach (var other in mentions)
        {
            if (Array.IndexOf(superseders, other.Index) >= 0 && other.Overlaps(mention.Start, mention.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A blocker of <paramref name="flag"/> rules out the tokens start..end it overlaps, unless it reaches in from an
    /// earlier clause: "my leg doesn't feel right and is weak" is not "doesn't feel ... weak". One rule for phrases, lost
    /// abilities and temperatures alike.
    /// </summary>
    private static bool Blocked(Utterance u, int flag, int start, int end)
    {
        foreach (var blocker in u.Of(PatternKind.RedFlagBlocker))
        {
            if (blocker.Index == flag && blocker.Overlaps(start, end)
                && (blocker.Start >= start || u.Clause[blocker.Start] == u.Clause[start]))
            {
                return true;
            }
        }

        return false;
    }

    private static int[][] BuildSupersededBy(IReadOnlyList<RedFlagDefinition> flags)
    {
        var index = flags.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var lists = flags.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < flags.Count; i++)
        {
            foreach (var superseded in flags[i].Supersedes)
            {
                lists[index[superseded]].Add(i);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}

using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.Durations;

/// <summary>
/// Reads durations ("a week and a half", "3 or 4 days", "48 hrs") and points in time ("since Monday",
/// "last night", "two days ago"), and decides whether each is the time since onset or one spasm's length.
/// A number without a time unit is never a duration ("7 out of 10", "20 kilos").
/// </summary>
internal sealed class DurationExtractor(WordSets words)
{
    private const double HalfUnit = 0.5;
    private const int EpisodeReach = 4;

    /// <summary>One spasm does not last a day: "spasms for a week" is the time since onset.</summary>
    private const double LongestEpisodeSeconds = 86400;

    public List<DurationMention> Extract(Utterance u)
    {
        var found = new List<DurationMention>();
        var tokens = u.TokenSpan;
        var i = 0;
        while (i < tokens.Length)
        {
            var end = TryRelative(u, i, found);
            if (end < 0)
            {
                end = TryWeekday(u, i, found);
            }

            if (end < 0)
            {
                end = TryQuantity(u, i, found);
            }

            i = end >= 0 ? end + 1 : i + 1;
        }

        return found;
    }

    private int TryRelative(Utterance u, int i, List<DurationMention> found)
    {
        PhraseMatch? best = null;
        foreach (var m in u.Of(PatternKind.RelativeTime))
        {
            if (m.Start == i && (best is null || m.Length > best.Value.Length))
            {
                best = m;
            }
        }

        if (best is not { } match || NotOnset(u, i))
        {
            return -1;
        }

        var point = words.RelativeTimes[match.Index];
        var seconds = point.Weekday is { } day ? DaysSince(u.Now, day) * 86400.0 : SecondsSince(u.Now, point);
        if (seconds > 0)
        {
            found.Add(new DurationMention(u.Quote(match.Start, match.End), (long)seconds, DurationKind.SinceOnset));
        }

        return match.End;
    }

    private int TryWeekday(Utterance u, int i, List<DurationMention> found)
    {
        ref readonly var token = ref u.TokenSpan[i];
        if (token.Kind != TokenKind.Word || !words.Weekdays.TryGetValue(token.Id, out var day) || NotOnset(u, i))
        {
            return -1;
        }

        found.Add(new DurationMention(u.Quote(i, i), DaysSince(u.Now, day) * 86400L, DurationKind.SinceOnset));
        return i;
    }

    private int TryQuantity(Utterance u, int i, List<DurationMention> found)
    {
        var tokens = u.TokenSpan;
        if (!ReadNumber(u, i, out var value, out var next))
        {
            return -1;
        }

        next = SkipOf(tokens, next);
        if (u.StartsAt(PatternKind.HalfWord, next, out var half))
        {
            value += HalfUnit;
            next = half + 1;
        }

        if (u.StartsAt(PatternKind.RangeWord, next, out var range) && ReadNumber(u, range + 1, out var upper, out var afterUpper))
        {
            value = Math.Max(value, upper);
            next = afterUpper;
        }

        next = SkipFillers(u, next);
        if (next >= tokens.Length || tokens[next].Kind != TokenKind.Word || !words.UnitSeconds.TryGetValue(tokens[next].Id, out var unit))
        {
            return -1;
        }

        var end = next;
        next++;
        if (u.StartsAt(PatternKind.HalfWord, next, out half))
        {
            value += HalfUnit;
            end = half;
            next = half + 1;
        }

        if (u.StartsAt(PatternKind.RangeWord, next, out range) && ReadNumber(u, range + 1, out upper, out afterUpper)
            && !IsUnit(tokens, afterUpper))
        {
            value = Math.Max(value, upper);
            end = afterUpper - 1;
            next = afterUpper;
        }

        if (u.StartsAt(PatternKind.FrequencyAfter, next, out var per) && IsUnit(tokens, per + 1))
        {
            return per + 1;
        }

        if (EndsAt(u, PatternKind.FrequencyBefore, i - 1) || EndsAt(u, PatternKind.NotDurationBefore, i - 1)
            || u.StartsAt(PatternKind.NotDurationAfter, next, out _) || IsRate(tokens, i))
        {
            return end;
        }

        var afterFillers = SkipFillers(u, next);
        var ago = u.StartsAt(PatternKind.AgoWord, afterFillers, out var agoEnd);
        if (ago)
        {
            end = agoEnd;
        }

        var kind = !ago && value * unit < LongestEpisodeSeconds && IsEpisode(u, i, end, unit) ? DurationKind.Episode : DurationKind.SinceOnset;
        found.Add(new DurationMention(u.Quote(i, end), (long)Math.Round(value * unit), kind));
        return end;
    }

    /// <summary>"10,000 steps a day", "20 a day": "a day" after a counted thing is a rate, not a duration.</summary>
    private bool IsRate(ReadOnlySpan<Token> tokens, int i)
    {
        if (tokens[i].Kind != TokenKind.Word || !words.ApproximateNumbers.Contains(tokens[i].Id) || i < 1)
        {
            return false;
        }

        return tokens[i - 1].Kind == TokenKind.Number
            || (i >= 2 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 2].Kind == TokenKind.Number);
    }

    private bool ReadNumber(Utterance u, int i, out double value, out int next)
    {
        var tokens = u.TokenSpan;
        value = 0;
        next = i;
        if (i >= tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref tokens[i];
        if (token.Kind == TokenKind.Number)
        {
            value = token.Value;
            next = i + 1;
            return true;
        }

        if (token.Kind != TokenKind.Word || !words.TryNumber(token.Id, out value))
        {
            return false;
        }

        next = i + 1;
        if (words.ApproximateNumbers.Contains(token.Id) && value == 1 && next < tokens.Length
            && tokens[next].Kind == TokenKind.Word && words.TryNumber(tokens[next].Id, out var counted) && counted != 1
            && words.ApproximateNumbers.Contains(tokens[next].Id))
        {
            value = counted;
            next++;
        }
        else if (value is >= 20 and < 100 && value % 10 == 0 && next < tokens.Length && tokens[next].Kind == TokenKind.Word
            && words.TryNumber(tokens[next].Id, out var units) && units is >= 1 and <= 9 && !words.ApproximateNumbers.Contains(tokens[next].Id))
        {
            value += units;
            next++;
        }

        if (value == HalfUnit && next < tokens.Length && tokens[next].Kind == TokenKind.Word
            && words.ApproximateNumbers.Contains(tokens[next].Id) && words.TryNumber(tokens[next].Id, out var one) && one == 1)
        {
            next++;
        }

        return true;
    }

    private bool IsEpisode(Utterance u, int start, int end, double unit)
    {
        var clause = u.Clause[start];
        foreach (var cue in u.Of(PatternKind.EpisodeBefore))
        {
            if (cue.End < start && start - cue.End - 1 <= EpisodeReach && u.Clause[cue.End] == clause)
            {
                return true;
            }
        }

        foreach (var cue in u.Of(PatternKind.EpisodeAfter))
        {
            if (cue.Start > end && cue.Start - end - 1 <= 2 && u.Clause[cue.Start] == clause)
            {
                return true;
            }
        }

        var tokens = u.TokenSpan;
        for (var p = Math.Max(1, start - 3); p < start; p++)
        {
            if (tokens[p].Kind == TokenKind.Word && tokens[p].Id == words.LastWord && !EndsAt(u, PatternKind.LastAdjectiveBefore, p - 1)
                && tokens[p - 1].Kind == TokenKind.Word)
            {
                return true;
            }
        }

        return unit < 60;
    }

    private bool NotOnset(Utterance u, int i)
    {
        foreach (var cue in u.Of(PatternKind.NotOnsetBefore))
        {
            if (cue.End < i && i - cue.End <= 2)
            {
                return true;
            }
        }

        return false;
    }

    private int SkipOf(ReadOnlySpan<Token> tokens, int next) =>
        next < tokens.Length && tokens[next].Kind == TokenKind.Word && tokens[next].Id == words.OfWord ? next + 1 : next;

    private static int SkipFillers(Utterance u, int next)
    {
        for (var guard = 0; guard < 3 && u.StartsAt(PatternKind.DurationFiller, next, out var end); guard++)
        {
            next = end + 1;
        }

        return next;
    }

    private bool IsUnit(ReadOnlySpan<Token> tokens, int i) =>
        i < tokens.Length && tokens[i].Kind == TokenKind.Word && words.UnitSeconds.ContainsKey(tokens[i].Id);


    private static bool EndsAt(Utterance u, PatternKind kind, int end)
    {
        if (end < 0)
        {
            return false;
        }

        foreach (var m in u.Of(kind))
        {
            if (m.End == end)
            {
                return true;
            }
        }

        return false;
    }

    private static int DaysSince(DateTimeOffset now, DayOfWeek day)
    {
        var days = ((int)now.DayOfWeek - (int)day + 7) % 7;
        return days == 0 ? 7 : days;
    }

    private static double SecondsSince(DateTimeOffset now, RelativeTime point)
    {
        if (point.Clock is not { } time)
        {
            return point.DaysBack * 86400.0;
        }

        var day = now.Date.AddDays(-point.DaysBack);
        var target = new DateTimeOffset(day + time, now.Offset);
        if (target > now && point.Start is { } start && new DateTimeOffset(day + start, now.Offset) is var from && from < now)
        {
            target = from + ((now - from) / 2);
        }

        return (now - target).TotalSeconds;
    }
}

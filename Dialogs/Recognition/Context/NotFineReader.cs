using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// "my bowels aren't right", "my bladder is barely ok": where losing what a part of the body does is the red flag
/// (a flag with "notFineCounts"), the part said to be not fine is a complaint, not the denial its words would make.
/// </summary>
internal sealed class NotFineReader(IReadOnlyList<RedFlagDefinition> flags, ContextAnalyzer context)
{
    private readonly bool[] _counts = [.. flags.Select(f => f.NotFineCounts)];

    /// <summary>The tokens that say the part named by <paramref name="denial"/> is not fine, or null.</summary>
    public (int Start, int End)? Find(Utterance u, PhraseMatch denial) =>
        _counts[denial.Index] && context.NotFineEnd(u, denial.Start, denial.End) is var end and >= 0 ? (denial.Start, end) : null;
}

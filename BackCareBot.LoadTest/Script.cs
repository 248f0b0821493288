namespace BackCareBot.LoadTest;

/// <summary>
/// The conversations the load tool plays: a full self-care triage, one with several facts in a message,
/// and one that ends in an emergency, so every part of the turn path is exercised.
/// </summary>
internal static class Script
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Conversations =
    [
        ["hi", "2 days ago", "suddenly", "lower back", "4", "no", "no", "no", "no", "no", "no", "no", "no"],
        ["my lower back has been cramping since Tuesday after I lifted a box, about 5/10", "no", "no", "no", "no", "no", "no", "no", "what do you know about me"],
        ["my back went into spasm this morning", "slowly", "upper back", "6", "no", "I wet myself and can't feel it when I wipe"],
    ];
}

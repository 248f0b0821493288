namespace BackCareBot.Adapter;

/// <summary>How a slow turn keeps the person informed; bound from the "Turns" section.</summary>
public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>How long a turn may run before the person is shown that the bot is typing.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How often the typing indicator is renewed while the turn keeps running.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TypingAfter <= TimeSpan.Zero || TypingAfter > TimeSpan.FromSeconds(10))
        {
            problems.Add("Turns:TypingAfter must be more than 0 and at most 10 seconds.");
        }

        // Channels show one typing indicator for about 3 seconds; the protocol asks bots not to send them more often than every 2.
        if (TypingInterval < TimeSpan.FromSeconds(2) || TypingInterval > TimeSpan.FromSeconds(10))
        {
            problems.Add("Turns:TypingInterval must be between 2 and 10 seconds.");
        }

        return problems;
    }
}

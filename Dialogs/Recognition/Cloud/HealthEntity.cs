namespace BackCareBot.Dialogs.Recognition.Cloud;

/// <summary>One healthcare entity as Text Analytics for Health returns it, with its assertion attributes.</summary>
public sealed record HealthEntity(string Category, string Text, string? Certainty, string? Conditionality, string? Association)
{
    /// <summary>Affirmed for the person: not negated, not hypothetical or conditional, not about someone else.</summary>
    public bool IsAffirmedForSubject =>
        Certainty is null or "positive" or "positivePossible" or "neutralPossible"
        && Conditionality is null
        && Association is null or "subject";
}

namespace BackCareBot.Tests.Fuzz;

/// <summary>One body to post, and how it was made (shown when the host mishandles it).</summary>
public sealed record FuzzCase(string Description, byte[] Body)
{
    public override string ToString() => Description;
}

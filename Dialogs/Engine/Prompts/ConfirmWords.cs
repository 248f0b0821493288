namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// The words a confirm prompt takes for yes and no, whole answers or the start of one ("yes please").
/// Pass another instance for another language or register.
/// </summary>
public sealed record ConfirmWords(IReadOnlyList<string> Yes, IReadOnlyList<string> No)
{
    public static ConfirmWords English { get; } = new(
        ["yes", "yeah", "yep", "yup", "y", "sure", "ok", "okay", "correct", "right", "i do", "it is", "i have"],
        ["no", "nope", "nah", "n", "not really", "none", "not at all", "i dont", "it isnt", "i havent", "never"]);
}

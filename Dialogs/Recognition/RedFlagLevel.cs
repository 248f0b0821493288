namespace BackCareBot.Dialogs.Recognition;

/// <summary>How soon the person must be seen, ordered so that a larger value is more severe.</summary>
public enum RedFlagLevel
{
    None = 0,
    Gp = 1,
    Urgent = 2,
    Emergency = 3,
}

namespace BackCareBot.Dialogs.Messages;

/// <summary>How spoken replies sound; bound from the "Speech" configuration section.</summary>
public sealed class SpeechSettings
{
    /// <summary>The neural voice voice channels should use.</summary>
    public string VoiceName { get; set; } = "en-US-JennyNeural";

    /// <summary>The language of the speech when the activity has no locale.</summary>
    public string DefaultLocale { get; set; } = "en-US";
}

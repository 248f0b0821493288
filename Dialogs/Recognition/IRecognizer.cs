namespace BackCareBot.Dialogs.Recognition;

/// <summary>Turns what a person wrote or said into the facts the triage needs.</summary>
public interface IRecognizer
{
    /// <summary>Never throws for any input text; relative times ("since Monday") resolve against referenceTime.</summary>
    RecognitionResult Recognize(string text, DateTimeOffset referenceTime);
}

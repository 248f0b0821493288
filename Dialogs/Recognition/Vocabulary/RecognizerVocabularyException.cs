namespace BackCareBot.Dialogs.Recognition.Vocabulary;

/// <summary>The vocabulary file is malformed; the message names the file and the problem so start-up fails clearly.</summary>
public sealed class RecognizerVocabularyException : Exception
{
    public RecognizerVocabularyException(string message)
        : base(message)
    {
    }

    public RecognizerVocabularyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecognizerVocabularyException()
    {
    }
}

namespace BackCareBot.Dialogs.Engine;

/// <summary>What a finished dialog handed back.</summary>
public enum DialogResultKind
{
    /// <summary>Nothing: the dialog ended without a value, or a step ran for the first time.</summary>
    None,

    /// <summary>A value: the recognised answer of a prompt or the outcome of a child dialog.</summary>
    Value,

    /// <summary>A prompt ran out of retries; the caller should give safe advice instead of asking again.</summary>
    GaveUp,
}

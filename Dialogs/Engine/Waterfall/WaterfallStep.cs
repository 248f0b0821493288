namespace BackCareBot.Dialogs.Engine;

/// <summary>One step of a waterfall: prompt, skip because the value is known, start a child dialog, or end.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class;

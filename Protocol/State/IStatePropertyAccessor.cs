using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

/// <summary>A typed handle on one named property of a conversation's or user's state.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>Returns the stored value, or stores and returns the default the factory makes.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

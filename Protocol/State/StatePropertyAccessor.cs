using System.Text.Json.Serialization.Metadata;
using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

internal sealed class StatePropertyAccessor<T>(BotState state, string name, JsonTypeInfo<T> typeInfo) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turnContext, cancellationToken);
        if (cached.TryGet(Name, typeInfo, out var value) && value is not null)
        {
            return value;
        }

        var created = defaultValueFactory();
        cached.Set(Name, created, typeInfo);
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turnContext, cancellationToken);
        cached.Set(Name, value, typeInfo);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cached = await state.GetCachedAsync(turnContext, cancellationToken);
        cached.Remove(Name);
    }
}

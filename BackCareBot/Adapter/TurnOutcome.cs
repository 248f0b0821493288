using BackCareBot.Protocol.Schema;

namespace BackCareBot.Adapter;

/// <summary>What a processed turn produced, for the HTTP layer to answer with.</summary>
internal sealed record TurnOutcome(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse);

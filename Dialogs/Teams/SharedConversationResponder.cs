using BackCareBot.Dialogs.Triage;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// Answers in a group chat or team channel, where others read along. A triage is personal, so the bot only
/// invites the person to a private chat, stores nothing, and never repeats anyone's symptoms. A red flag
/// still gets the emergency advice straight away, in a form that does not say what the person told us.
/// </summary>
public sealed class SharedConversationResponder(TriageServices services, TimeProvider time)
{
    public const string InvitationKey = "groupChat";
    public const string EmergencyKey = "emergencyGroup";

    public async Task RespondAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var observation = await services.Observations.ObserveAsync(activity.Text, activity, time, cancellationToken);
        await turnContext.SendActivityAsync(Reply(observation.IsEmergency, activity.Locale), cancellationToken);
    }

    /// <summary>The emergency advice in a form that names nothing the person said, or the invitation to a private chat.</summary>
    public Activity Reply(bool emergency, string? locale) =>
        emergency ? services.Replies.Insist(EmergencyKey, locale) : services.Replies.Say(InvitationKey, locale);
}

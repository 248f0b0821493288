namespace BackCareBot.Dialogs.Content;

/// <summary>
/// The message, tip and command keys the code refers to. The loader checks each one exists, so a
/// missing entry stops start-up instead of reaching a person as a blank message.
/// </summary>
public static class ContentKeys
{
    public static readonly IReadOnlyList<string> Messages =
    [
        "welcome", "intro", "understood", "understoodFactOnsetAgo", "understoodFactTrigger", "understoodFactLocation",
        "understoodFactSeverity", "correctionNoted", "askOnsetWhen", "retryOnsetWhen", "askOnsetHow", "retryOnsetHow",
        "askLocation", "retryLocation", "askSeverity", "retrySeverity", "symptomsIntro", "retryYesNo", "askLegDetail",
        "retryLegDetail", "notSureTreatedAsYes", "gaveUp", "emergency", "urgent", "urgentPregnancy", "gp", "selfcare",
        "whenToGetHelp", "notADoctor", "summaryIntro", "afterOutcome", "hypotheticalAnswer", "help", "cancelled",
        "restarting", "emergencyCommand", "whatIKnow", "whatIKnowNothing", "forgetConfirm", "forgotten", "notForgotten",
        "tipsCommand", "tipsHeading", "turnError", "groupChat", "followUpOffer", "followUpScheduled", "followUpDeclined", "followUpCheckIn",
        "emergencyGroup", "cardAnswerReceived",
        "sayYesNo", "sayYesNoPhone", "goodbyeCall",
    ];

    public static readonly IReadOnlyList<string> Tips =
    [
        "coldEarly", "heatLater", "keepMoving", "stretchesLower", "stretchesUpper", "massage", "fluids", "relaxation",
        "desk", "lifting", "severePain", "medicine", "prevention",
    ];

    public static readonly IReadOnlyList<string> Commands =
    [
        "help", "restart", "cancel", "whatDoYouKnow", "forgetMe", "tips", "emergency",
    ];

    public static readonly IReadOnlyList<string> Answers =
    [
        "yes", "no", "notSure", "unclearAfterNo", "clearAfterNo", "sudden", "gradual", "afterFall", "legBoth", "legWeak", "legOne",
    ];
}

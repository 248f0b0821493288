namespace BackCareBot.Authentication;

/// <summary>The activity callerId values the Bot Framework defines for the two token families.</summary>
public static class CallerIds
{
    public const string PublicAzureChannel = "urn:botframework:azure";

    public static string ForEntraApp(string appId) => $"urn:botframework:aadappid:{appId}";
}

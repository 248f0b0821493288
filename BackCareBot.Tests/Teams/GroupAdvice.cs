using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Teams;

/// <summary>What every emergency reply in a shared conversation must be: the group form, with the number, naming nothing the person said.</summary>
internal static class GroupAdvice
{
    public static void AssertBladderEmergencyKeptPrivate(Activity message)
    {
        Assert.True(message.Says("emergencyGroup"), message.Text);
        Assert.Contains("999", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bladder", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TriageScript.Content.RedFlagName("bladder_control"), message.Text, StringComparison.OrdinalIgnoreCase);
    }
}

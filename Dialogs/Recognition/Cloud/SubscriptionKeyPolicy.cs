using Azure.Core;
using Azure.Core.Pipeline;

namespace BackCareBot.Dialogs.Recognition.Cloud;

/// <summary>Adds the Azure Language key header to every request of the pipeline.</summary>
internal sealed class SubscriptionKeyPolicy(string key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
    }
}

using System.Text.Json.Nodes;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Protocol;

public sealed class ActivitySerializationTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1:abc",
          "timestamp": "2026-11-21T12:00:00.123Z",
          "localTimestamp": "2026-11-21T13:00:00.123+01:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Pat", "aadObjectId": "aad-1", "futureField": 1 },
          "conversation": { "id": "a:conv", "conversationType": "personal", "tenantId": "t-1" },
          "recipient": { "id": "28:bot", "name": "BackCareBot" },
          "text": "<at>BackCareBot</at> hello",
          "entities": [ { "type": "mention", "mentioned": { "id": "28:bot", "name": "BackCareBot" }, "text": "<at>BackCareBot</at>" } ],
          "channelData": { "tenant": { "id": "t-1" }, "eventType": null, "nested": { "deep": [1, 2, 3] } },
          "value": { "answer": "yes" },
          "somethingNew": { "keep": true }
        }
        """;

    [Fact]
    public void RoundTrip_ChannelMessage_LosesNothing()
    {
        var activity = BotJson.Deserialize(TeamsMessage)!;

        var written = JsonNode.Parse(BotJson.Serialize(activity))!.AsObject();
        var original = JsonNode.Parse(TeamsMessage)!.AsObject();

        // Timestamps may gain trailing zeros in their fraction; they must still name the same instant.
        foreach (var field in new[] { "timestamp", "localTimestamp" })
        {
            Assert.Equal(original[field]!.GetValue<DateTimeOffset>(), written[field]!.GetValue<DateTimeOffset>());
            Assert.Equal(original[field]!.GetValue<DateTimeOffset>().Offset, written[field]!.GetValue<DateTimeOffset>().Offset);
            original.Remove(field);
            written.Remove(field);
        }

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Serialize_NewActivity_CamelCaseNullsOmittedUtcWithZ()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hi",
            Timestamp = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        };

        var json = BotJson.Serialize(activity);

        Assert.Equal("""{"type":"message","timestamp":"2026-11-21T12:00:00.0000000Z","text":"hi"}""", json);
    }

    [Fact]
    public void CreateReply_SwapsAddressesAndPointsAtIncoming()
    {
        var incoming = BotJson.Deserialize(TeamsMessage)!;

        var reply = incoming.CreateReply();

        Assert.Equal("28:bot", reply.From?.Id);
        Assert.Equal("29:user", reply.Recipient?.Id);
        Assert.Equal("a:conv", reply.Conversation?.Id);
        Assert.Equal("1:abc", reply.ReplyToId);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reply.ServiceUrl);
    }

    [Fact]
    public void CreateReply_ConversationUpdateOnDirectLine_HasNoReplyToId()
    {
        var incoming = new Activity { Type = ActivityTypes.ConversationUpdate, Id = "x", ChannelId = Channels.DirectLine };

        Assert.Null(incoming.CreateReply().ReplyToId);
    }
}

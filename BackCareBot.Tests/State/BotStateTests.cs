using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Adapter;

namespace BackCareBot.Tests.State;

public sealed class BotStateTests
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<Counter> CounterType = StateTestJson.Default.Counter;

    [Fact]
    public async Task SaveChangesAsync_Changed_WritesPlainJsonWithETag()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty("counter", CounterType);
        var turn = Turn();

        (await counter.GetAsync(turn, () => new Counter(), CancellationToken.None)).Value = 3;
        await state.SaveChangesAsync(turn, CancellationToken.None);

        var stored = await storage.ReadAsync(["test/conversations/c1"], CancellationToken.None);
        Assert.Equal("""{"counter":{"value":3}}""", stored["test/conversations/c1"].Json);
    }

    [Fact]
    public async Task SaveChangesAsync_NothingChanged_DoesNotWrite()
    {
        var storage = new MemoryStorage();
        var etag = await storage.WriteAsync("test/conversations/c1", """{"counter":{"value":1}}""", null, CancellationToken.None);
        var state = new ConversationState(storage);

        await state.LoadAsync(Turn(), CancellationToken.None);
        await state.SaveChangesAsync(Turn(), CancellationToken.None);

        Assert.Equal(etag, (await storage.ReadAsync(["test/conversations/c1"], CancellationToken.None))["test/conversations/c1"].ETag);
    }

    [Fact]
    public async Task SaveChangesAsync_SomeoneElseWroteFirst_Conflict()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync("test/conversations/c1", """{"counter":{"value":1}}""", null, CancellationToken.None);
        var state = new ConversationState(storage);
        var turn = Turn();
        (await state.CreateProperty("counter", CounterType).GetAsync(turn, () => new Counter(), CancellationToken.None)).Value = 2;

        await storage.WriteAsync("test/conversations/c1", """{"counter":{"value":5}}""", StoreItem.AnyETag, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(turn, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UntouchedProperties_KeptOnSave()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync("test/conversations/c1", """{"other":{"keep":[1,2]},"counter":{"value":1}}""", null, CancellationToken.None);
        var state = new ConversationState(storage);
        var turn = Turn();

        (await state.CreateProperty("counter", CounterType).GetAsync(turn, () => new Counter(), CancellationToken.None)).Value = 9;
        await state.SaveChangesAsync(turn, CancellationToken.None);

        var json = (await storage.ReadAsync(["test/conversations/c1"], CancellationToken.None))["test/conversations/c1"].Json;
        Assert.Equal("""{"other":{"keep":[1,2]},"counter":{"value":9}}""", json);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"counter":{"value":"not a number"}}""")]
    [InlineData("[1,2,3]")]
    public async Task GetAsync_DamagedDocument_StartsAfreshAndSaveReplacesIt(string damaged)
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync("test/conversations/c1", damaged, null, CancellationToken.None);
        var state = new ConversationState(storage);
        var turn = Turn();

        var counter = await state.CreateProperty("counter", CounterType).GetAsync(turn, () => new Counter(), CancellationToken.None);
        counter.Value = 1;
        await state.SaveChangesAsync(turn, CancellationToken.None);

        var json = (await storage.ReadAsync(["test/conversations/c1"], CancellationToken.None))["test/conversations/c1"].Json;
        Assert.Equal("""{"counter":{"value":1}}""", json);
    }

    [Fact]
    public async Task DeleteAsync_RemovesFromStorageAndNothingIsRecreated()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = Turn();
        (await state.CreateProperty("counter", CounterType).GetAsync(turn, () => new Counter(), CancellationToken.None)).Value = 1;
        await state.SaveChangesAsync(turn, CancellationToken.None);

        await state.DeleteAsync(turn, CancellationToken.None);
        await state.SaveChangesAsync(turn, CancellationToken.None);

        Assert.Empty(await storage.ReadAsync(["test/conversations/c1"], CancellationToken.None));
    }

    [Fact]
    public async Task SaveChangesAsync_AfterAHugeDocumentAndAFailedSave_NextSavesWriteOnlyTheirOwnState()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var huge = new string('x', 200_000);
        var hugeTurn = Turn("huge");
        await state.CreateProperty("text", StateTestJson.Default.String).SetAsync(hugeTurn, huge, CancellationToken.None);
        await state.SaveChangesAsync(hugeTurn, CancellationToken.None);

        var failingTurn = Turn("failing");
        await state.CreateProperty("counter", StateTestJson.Default.Counter).SetAsync(failingTurn, new Counter(), CancellationToken.None);
        await state.CreateProperty("broken", StateTestJson.Default.Unwritable).SetAsync(failingTurn, new Unwritable(), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => state.SaveChangesAsync(failingTurn, CancellationToken.None));

        var smallTurn = Turn("small");
        (await state.CreateProperty("counter", CounterType).GetAsync(smallTurn, () => new Counter(), CancellationToken.None)).Value = 4;
        await state.SaveChangesAsync(smallTurn, CancellationToken.None);

        var stored = await storage.ReadAsync(["test/conversations/huge", "test/conversations/small", "test/conversations/failing"], CancellationToken.None);
        Assert.Equal($$"""{"text":"{{huge}}"}""", stored["test/conversations/huge"].Json);
        Assert.Equal("""{"counter":{"value":4}}""", stored["test/conversations/small"].Json);
        Assert.False(stored.ContainsKey("test/conversations/failing"));
    }

    private static TurnContext Turn(string conversationId = "c1") => new(
        new Activity { Type = ActivityTypes.Message, ChannelId = Channels.Test, Conversation = new ConversationAccount { Id = conversationId }, From = new ChannelAccount { Id = "u1" } },
        new RecordingSender());
}

public sealed class Counter
{
    public int Value { get; set; }
}

/// <summary>A value whose serialisation fails part-way through the state document.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(UnwritableConverter))]
public sealed class Unwritable;

public sealed class UnwritableConverter : System.Text.Json.Serialization.JsonConverter<Unwritable>
{
    public override Unwritable Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new System.Text.Json.JsonException();

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Unwritable value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("half", "written");
        throw new InvalidOperationException("This value cannot be saved.");
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Counter))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Unwritable))]
internal sealed partial class StateTestJson : System.Text.Json.Serialization.JsonSerializerContext;

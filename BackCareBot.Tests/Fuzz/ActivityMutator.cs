using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackCareBot.Tests.Fuzz;

/// <summary>
/// Makes hostile bodies from valid activities. Structural mutations work on the JSON tree; what JSON cannot
/// express (raw control bytes, invalid UTF-8, lone surrogates, duplicate keys, numbers beyond double) is
/// spliced in as bytes where a placeholder string was put. Random mutations come from a seeded generator,
/// so a failing case is reproduced by its description.
/// </summary>
internal sealed class ActivityMutator(int seed)
{
    private const string Placeholder = "\"__FUZZ__\"";

    private static readonly (string Name, Func<JsonNode?> Make)[] Replacements =
    [
        ("null", () => null),
        ("empty string", () => JsonValue.Create(string.Empty)),
        ("string", () => JsonValue.Create("x")),
        ("number", () => JsonValue.Create(-1.5e300)),
        ("bool", () => JsonValue.Create(true)),
        ("object", () => new JsonObject { ["x"] = 1 }),
        ("array", () => new JsonArray(1, "x", null)),
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28],
        [0xFF, 0xFE],
        [0xED, 0xA0, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xE2, 0x82],
        [0xC0, 0xAF],
    ];

    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "99999999999999999999999999999999999999", "-0", "1.7976931348623157e309", "0.0000000000000000000000000000000000000001e-400"];

    // Raw UTF-8 rather than \uXXXX escapes, so multi-byte text reaches the reader as browsers send it.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(seed);

    /// <summary>Every field (at every depth) of the seed replaced by each JSON kind in turn.</summary>
    public static IEnumerable<FuzzCase> TypeSwaps(string name, JsonObject activity)
    {
        foreach (var path in Paths(activity))
        {
            foreach (var (kind, make) in Replacements)
            {
                var copy = Clone(activity);
                Set(copy, path, make());
                yield return Case($"{name}: {Describe(path)} := {kind}", copy);
            }
        }
    }

    /// <summary>The hand-picked extremes, sized against the endpoint's body cap so some fit under it and some do not.</summary>
    public static IEnumerable<FuzzCase> Extremes(string name, JsonObject activity, int maxBodyBytes)
    {
        yield return NullEverywhere(name, activity);
        yield return Case($"{name}: every top-level value null", Map(Clone(activity), _ => null, leavesOnly: false));
        yield return Raw($"{name}: channelData nested 10,000 arrays deep", activity, "channelData", new string('[', 10_000) + new string(']', 10_000));
        yield return Raw($"{name}: value nested 10,000 objects deep", activity, "value", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return Raw($"{name}: entities nested 10,000 deep", activity, "entities", "[" + new string('[', 10_000) + new string(']', 10_000) + "]");
        yield return With($"{name}: megabyte text", activity, "text", JsonValue.Create(new string('a', 1 << 20)));
        yield return With($"{name}: text just under the cap", activity, "text", JsonValue.Create(MixedText(maxBodyBytes - 4096)));
        yield return With($"{name}: every control character escaped in text", activity, "text", JsonValue.Create(new string(Enumerable.Range(0, 32).Select(c => (char)c).ToArray()) + "back pain"));
        yield return Raw($"{name}: raw control bytes in text", activity, "text", "\"a\u0001b\u0000c\u001f\"");
        yield return Raw($"{name}: lone high surrogate in text", activity, "text", "\"pain \\ud800 here\"");
        yield return Raw($"{name}: lone low surrogate in from.name", activity, "from", "{\"id\":\"u\\udc00\",\"name\":\"\\udfff\"}");
        yield return Raw($"{name}: reversed surrogate pair in conversation id", activity, "conversation", "{\"id\":\"c\\udc00\\ud800\"}");
        yield return Raw($"{name}: lone surrogates in channelData", activity, "channelData", "{\"clientActivityID\":\"\\ud800\",\"tenant\":{\"id\":\"\\udfff\"},\"\\ud801\":1}");
        yield return Raw($"{name}: lone surrogate in an entity", activity, "entities", "[{\"type\":\"mention\",\"mentioned\":{\"id\":\"\\ud800\"},\"text\":\"\\udc00\"}]");
        yield return RawBytes($"{name}: invalid UTF-8 in channelData", activity, "channelData", [.. "{\"tenant\":{\"id\":\""u8, 0xFF, 0xC3, 0x28, .. "\"}}"u8]);
        foreach (var bytes in InvalidUtf8)
        {
            yield return RawBytes($"{name}: invalid UTF-8 {Convert.ToHexString(bytes)} in text", activity, "text", [(byte)'"', .. bytes, (byte)'"']);
        }

        var count = Math.Max(10, maxBodyBytes / 80);
        yield return With($"{name}: {count} entities", activity, "entities", new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = $"u{i}" } })]));
        yield return With($"{name}: {count} attachments", activity, "attachments", new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["contentType"] = "text/plain", ["content"] = i })]));
        yield return With($"{name}: {count} membersAdded", activity, "membersAdded", new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["id"] = $"member-{i}" })]));
        yield return With($"{name}: {count * 10} nulls in entities", activity, "entities", new JsonArray([.. Enumerable.Range(0, count * 10).Select(_ => (JsonNode?)null)]));
        yield return DuplicateKeys(name, activity, "\"type\":12,\"type\":\"message\",");
        yield return DuplicateKeys(name, activity, "\"conversation\":{\"id\":\"first\"},\"conversation\":null,\"conversation\":{\"id\":\"third\"},");
        yield return DuplicateKeys(name, activity, "\"text\":\"a\",\"text\":{},\"text\":[],");
        foreach (var number in HugeNumbers)
        {
            yield return Raw($"{name}: value {number}", activity, "value", number);
            yield return Raw($"{name}: timestamp {number}", activity, "timestamp", number);
            yield return Raw($"{name}: conversation.isGroup {number}", activity, "conversation", $"{{\"id\":\"c\",\"isGroup\":{number}}}");
        }

        foreach (var type in new[] { "someFutureType", "", " ", "MESSAGE", "message\u0000", "invoke/unknown", new string('t', 5000) })
        {
            yield return With($"{name}: type '{Printable(type)}'", activity, "type", JsonValue.Create(type));
        }
    }

    /// <summary>One random mutation (sometimes two or three stacked) of the seed: truncation, byte flips, a type swap, splices.</summary>
    public FuzzCase Next(string name, JsonObject activity)
    {
        var description = new StringBuilder(name);
        var tree = Clone(activity);
        var rounds = _random.Next(1, 4);
        byte[]? bytes = null;
        for (var round = 0; round < rounds; round++)
        {
            var paths = bytes is null ? Paths(tree).ToList() : [];
            var choice = bytes is null ? _random.Next(6) : _random.Next(2);
            switch (choice)
            {
                case 0:
                    bytes ??= Encode(tree);
                    var length = _random.Next(bytes.Length);
                    bytes = bytes[..length];
                    description.Append($"; truncated to {length}");
                    break;
                case 1:
                    bytes ??= Encode(tree);
                    var flips = _random.Next(1, 9);
                    for (var i = 0; i < flips && bytes.Length > 0; i++)
                    {
                        var at = _random.Next(bytes.Length);
                        var mask = (byte)_random.Next(1, 256);
                        bytes[at] ^= mask;
                        description.Append($"; byte {at} ^= 0x{mask:X2}");
                    }

                    break;
                case 2:
                    var path = paths[_random.Next(paths.Count)];
                    var (kind, make) = Replacements[_random.Next(Replacements.Length)];
                    Set(tree, path, make());
                    description.Append($"; {Describe(path)} := {kind}");
                    break;
                case 3:
                    var target = paths[_random.Next(paths.Count)];
                    var garbage = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
                    Set(tree, target, JsonValue.Create("__FUZZ__"));
                    bytes = Splice(Encode(tree), [(byte)'"', (byte)'a', .. garbage, (byte)'"']);
                    description.Append($"; {Describe(target)} := invalid UTF-8 {Convert.ToHexString(garbage)}");
                    break;
                case 4:
                    var deep = paths[_random.Next(paths.Count)];
                    var depth = _random.Next(1, 3000);
                    Set(tree, deep, JsonValue.Create("__FUZZ__"));
                    bytes = Splice(Encode(tree), Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
                    description.Append($"; {Describe(deep)} := nested {depth} deep");
                    break;
                default:
                    var control = paths[_random.Next(paths.Count)];
                    var text = new string([.. Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next(0, 0x10000))]);
                    Set(tree, control, JsonValue.Create(Sanitise(text)));
                    description.Append($"; {Describe(control)} := random UTF-16");
                    break;
            }
        }

        return new FuzzCase(description.ToString(), bytes ?? Encode(tree));
    }

    private static FuzzCase NullEverywhere(string name, JsonObject activity) =>
        Case($"{name}: every leaf null", Map(Clone(activity), _ => null, leavesOnly: true));

    private static FuzzCase With(string description, JsonObject activity, string field, JsonNode? value)
    {
        var copy = Clone(activity);
        copy[field] = value;
        return Case(description, copy);
    }

    private static FuzzCase Raw(string description, JsonObject activity, string field, string rawJson) =>
        RawBytes(description, activity, field, Encoding.UTF8.GetBytes(rawJson));

    private static FuzzCase RawBytes(string description, JsonObject activity, string field, byte[] raw)
    {
        var copy = Clone(activity);
        copy[field] = "__FUZZ__";
        return new FuzzCase(description, Splice(Encode(copy), raw));
    }

    private static FuzzCase DuplicateKeys(string name, JsonObject activity, string prefix)
    {
        var body = Encode(activity);
        return new FuzzCase($"{name}: duplicate keys {prefix.TrimEnd(',')}", [(byte)'{', .. Encoding.UTF8.GetBytes(prefix), .. body.AsSpan(1)]);
    }

    private static FuzzCase Case(string description, JsonNode tree) => new(description, Encode(tree));

    private static byte[] Encode(JsonNode tree) => Encoding.UTF8.GetBytes(tree.ToJsonString(Unescaped));

    private static byte[] Splice(byte[] body, byte[] raw)
    {
        var at = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Placeholder));
        return at < 0 ? body : [.. body.AsSpan(0, at), .. raw, .. body.AsSpan(at + Placeholder.Length)];
    }

    private static JsonObject Clone(JsonObject activity) => activity.DeepClone().AsObject();

    // JsonNode refuses to write invalid UTF-16; lone surrogates go in through Raw instead.
    private static string Sanitise(string text) =>
        new([.. text.Select(c => char.IsSurrogate(c) ? '\uFFFD' : c)]);

    private static string MixedText(int bytes)
    {
        var builder = new StringBuilder();
        var pieces = new[] { "back pain ", "Rückenschmerz ", "腰痛 ", "🦴💥 ", "\u200b\u202e", "\t\r\n" };
        var written = 0;
        for (var i = 0; written < bytes - 64; i++)
        {
            var piece = pieces[i % pieces.Length];
            builder.Append(piece);
            written += Encoding.UTF8.GetByteCount(piece);
        }

        return builder.ToString();
    }

    private static string Printable(string text) =>
        text.Length > 20 ? $"{text.Length} × '{text[0]}'" : text.Replace("\u0000", "\\0", StringComparison.Ordinal);

    private static JsonNode Map(JsonNode node, Func<JsonNode?, JsonNode?> replace, bool leavesOnly)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    if (obj[key] is { } child && leavesOnly && child is not JsonValue)
                    {
                        Map(child, replace, leavesOnly);
                    }
                    else
                    {
                        obj[key] = replace(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child && leavesOnly && child is not JsonValue)
                    {
                        Map(child, replace, leavesOnly);
                    }
                    else
                    {
                        array[i] = replace(array[i]);
                    }
                }

                break;
        }

        return node;
    }

    private static IEnumerable<object[]> Paths(JsonNode node, object[] prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    object[] path = [.. prefix, key];
                    yield return path;
                    if (child is not null)
                    {
                        foreach (var nested in Paths(child, path))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    object[] path = [.. prefix, i];
                    yield return path;
                    if (array[i] is { } child)
                    {
                        foreach (var nested in Paths(child, path))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<object[]> Paths(JsonNode node) => Paths(node, []).ToList();

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var segment in path[..^1])
        {
            parent = segment is int index ? parent[index]! : parent[(string)segment]!;
        }

        if (path[^1] is int last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(string)path[^1]] = value;
        }
    }

    private static string Describe(object[] path) => string.Join('.', path);
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BackCareBot.Protocol.State;

/// <summary>
/// A state document as read from storage: its UTF-8 bytes and where each top-level value lies in them. A value is
/// deserialised straight from its bytes when asked for, and one nobody touched is copied back verbatim on save,
/// so no JSON DOM is built on a turn.
/// </summary>
internal sealed class StoredDocument
{
    private readonly byte[] _utf8;
    private readonly List<Property> _properties;

    private StoredDocument(byte[] utf8, List<Property> properties)
    {
        _utf8 = utf8;
        _properties = properties;
    }

    /// <summary>The document, or null when it is damaged or not an object.</summary>
    public static StoredDocument? Read(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var properties = new List<Property>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                properties.Add(new Property(name, start, (int)reader.BytesConsumed - start));
            }

            // Reading on past the end object finds anything left over, which makes the whole document damaged.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? new StoredDocument(utf8, properties) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>False when the document has no such value; throws <see cref="JsonException"/> when it cannot be read as <typeparamref name="T"/>.</summary>
    public bool TryRead<T>(string name, JsonTypeInfo<T> typeInfo, out T? value)
    {
        foreach (var property in _properties)
        {
            if (property.Name == name)
            {
                var reader = new Utf8JsonReader(Value(property));
                value = JsonSerializer.Deserialize(ref reader, typeInfo);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Writes the values whose names <paramref name="keep"/> accepts, as they were read.</summary>
    public void CopyTo<TState>(Utf8JsonWriter writer, Func<string, TState, bool> keep, TState state)
    {
        foreach (var property in _properties)
        {
            if (keep(property.Name, state))
            {
                writer.WritePropertyName(property.Name);
                writer.WriteRawValue(Value(property), skipInputValidation: true);
            }
        }
    }

    private ReadOnlySpan<byte> Value(Property property) => _utf8.AsSpan(property.Start, property.Length);

    private readonly record struct Property(string Name, int Start, int Length);
}

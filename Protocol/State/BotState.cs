using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

/// <summary>
/// State scoped to a conversation or a user: read from storage at most once per turn, changed through
/// typed property accessors, and written back at the end of the turn only if it changed, with the ETag
/// it was read with so a concurrent writer is detected rather than overwritten.
/// </summary>
public abstract class BotState
{
    private const string EmptyObject = "{}";

    private readonly IStorage _storage;
    private readonly string _cacheKey;

    protected BotState(IStorage storage, string cacheKey)
    {
        _storage = storage;
        _cacheKey = cacheKey;
    }

    /// <summary>The storage key for this turn, or null when the activity lacks the ids to make one.</summary>
    protected abstract string? GetStorageKey(ITurnContext turnContext);

    public IStatePropertyAccessor<T> CreateProperty<T>(string name, JsonTypeInfo<T> typeInfo) =>
        new StatePropertyAccessor<T>(this, name, typeInfo);

    public async Task LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.ContainsKey(_cacheKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var cached = new CachedState(key);
        if (key is not null)
        {
            var items = await _storage.ReadAsync([key], cancellationToken);
            if (items.TryGetValue(key, out var item))
            {
                cached.Load(item);
            }
        }

        turnContext.TurnState[_cacheKey] = cached;
    }

    /// <summary>Writes the state back if anything changed. Throws <see cref="StorageConflictException"/> on a lost race.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!turnContext.TurnState.TryGetValue(_cacheKey, out var value) || value is not CachedState { Key: not null } cached)
        {
            return;
        }

        if (cached.Deleted)
        {
            await _storage.DeleteAsync(cached.Key, cancellationToken);
            cached.MarkSaved(null, null);
            return;
        }

        var json = cached.Serialize();
        if (json == cached.OriginalJson || (cached.OriginalJson is null && json == EmptyObject))
        {
            return;
        }

        var etag = await _storage.WriteAsync(cached.Key, json, cached.ETag, cancellationToken);
        cached.MarkSaved(json, etag);
    }

    /// <summary>Empties the state for this turn; the next save removes it from storage.</summary>
    public async Task ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cached = await GetCachedAsync(turnContext, cancellationToken);
        cached.Clear();
    }

    /// <summary>Removes the state from storage at once and empties it for the rest of the turn.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var cached = await GetCachedAsync(turnContext, cancellationToken);
        cached.Clear();
        if (cached.Key is not null)
        {
            await _storage.DeleteAsync(cached.Key, cancellationToken);
            cached.MarkSaved(null, null);
        }
    }

    internal async Task<CachedState> GetCachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken);
        return (CachedState)turnContext.TurnState[_cacheKey];
    }

    /// <summary>
    /// The turn's copy of the state. Typed values are kept as objects while the turn runs and written once at
    /// save time; properties not touched this turn are copied through as the JSON that was read.
    /// </summary>
    internal sealed class CachedState(string? key)
    {
        private const int MaxKeptBufferBytes = 64 * 1024;

        // Stored state is never embedded in HTML, so only what JSON itself requires is escaped: smaller documents.
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        [ThreadStatic]
        private static ArrayBufferWriter<byte>? t_buffer;

        [ThreadStatic]
        private static Utf8JsonWriter? t_writer;

        private readonly Dictionary<string, (object? Value, Action<Utf8JsonWriter, object?> Write)> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

        // Null when nothing was read, or what was read was damaged: a damaged document's ETag is kept, so the next
        // save replaces it.
        private StoredDocument? _document;

        public string? Key { get; } = key;

        public string? ETag { get; private set; }

        public string? OriginalJson { get; private set; }

        public bool Deleted { get; private set; }

        public void Load(StoreItem item)
        {
            _document = StoredDocument.Read(item.Json);
            ETag = item.ETag;
            OriginalJson = item.Json;
        }

        public bool TryGet<T>(string name, JsonTypeInfo<T> typeInfo, out T? value)
        {
            if (_values.TryGetValue(name, out var held))
            {
                value = (T?)held.Value;
                return true;
            }

            if (!_removed.Contains(name) && _document is { } document)
            {
                try
                {
                    if (document.TryRead(name, typeInfo, out value))
                    {
                        _values[name] = (value, Writer(typeInfo));
                        return true;
                    }
                }
                catch (JsonException)
                {
                    // A property this build cannot read (damaged, or from an incompatible version) starts afresh
                    // rather than failing every turn of the conversation for ever.
                    _removed.Add(name);
                }
            }

            value = default;
            return false;
        }

        public void Set<T>(string name, T value, JsonTypeInfo<T> typeInfo)
        {
            Deleted = false;
            _removed.Remove(name);
            _values[name] = (value, Writer(typeInfo));
        }

        public void Remove(string name)
        {
            _values.Remove(name);
            _removed.Add(name);
        }

        public void Clear()
        {
            _values.Clear();
            _removed.Clear();
            _document = null;
            Deleted = true;
        }

        public string Serialize()
        {
            // Every turn serialises its state once, so each thread keeps its buffer and writer; nothing here awaits.
            var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
            var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            try
            {
                writer.WriteStartObject();
                _document?.CopyTo(writer, static (name, self) => !self._values.ContainsKey(name) && !self._removed.Contains(name), this);

                foreach (var (name, held) in _values)
                {
                    writer.WritePropertyName(name);
                    held.Write(writer, held.Value);
                }

                writer.WriteEndObject();
                writer.Flush();
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
            finally
            {
                // A large document once should not stay with the thread for ever.
                if (buffer.Capacity > MaxKeptBufferBytes)
                {
                    t_buffer = null;
                    t_writer = null;
                }
            }
        }

        public void MarkSaved(string? json, string? etag)
        {
            OriginalJson = json;
            ETag = etag;
            Deleted = false;
            if (json is null)
            {
                _document = null;
                _values.Clear();
                _removed.Clear();
            }
        }

        private static Action<Utf8JsonWriter, object?> Writer<T>(JsonTypeInfo<T> typeInfo) =>
            (writer, value) => JsonSerializer.Serialize(writer, (T)value!, typeInfo);
    }
}

using BackCareBot.Protocol.Schema;

namespace BackCareBot.DirectLine;

/// <summary>
/// One conversation of the built-in Direct Line: its transcript numbered by watermark, and the one open
/// socket it streams to (a new socket replaces the old, as on Azure). Appending and subscribing share a
/// lock, so a socket gets every activity after its watermark exactly once and in order.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly object _gate = new();
    private readonly Queue<TranscriptEntry> _entries = new();
    private readonly Dictionary<string, string> _idsByRetryKey = new(StringComparer.Ordinal);
    private readonly int _maxEntries;
    private long _sequence;
    private long _bytes;
    private long _lastUsedTicks;
    private int _started;
    private bool _closed;
    private StreamSubscription? _subscription;

    /// <summary>
    /// A conversation whose numbering continues after <paramref name="lastSequence"/>: 0 for a new one, a higher number
    /// for one revived after its transcript was dropped, so a client's watermark still means "seen up to here" and no
    /// activity id is given out twice. A revived one is <paramref name="started"/> already: its user was welcomed.
    /// </summary>
    public DirectLineConversation(string id, string userId, int maxEntries, DateTimeOffset now, long lastSequence, bool started)
    {
        Id = id;
        UserId = userId;
        _maxEntries = maxEntries;
        _lastUsedTicks = now.UtcTicks;
        _sequence = lastSequence;
        _started = started ? 1 : 0;
    }

    public string Id { get; }

    /// <summary>The user the conversation's tokens are issued to.</summary>
    public string UserId { get; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>The JSON size of the kept transcript; fixed once the conversation is closed.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>True for the first caller only: the one that must tell the bot the user joined.</summary>
    public bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>
    /// Numbers the activity, gives it its id, keeps it and streams it. Null once the conversation is closed. A client
    /// activity whose retry key (its clientActivityID and text) is still in the kept transcript is not appended again: the result carries the
    /// first one's id, marked as a duplicate.
    /// </summary>
    public AppendResult? Append(Activity activity, bool streamOnly, string? retryKey = null)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            if (retryKey is not null && _idsByRetryKey.TryGetValue(retryKey, out var firstId))
            {
                activity.Id = firstId;
                return new AppendResult(firstId, 0, Duplicate: true);
            }

            var sequence = ++_sequence;
            activity.Id = ActivityId(sequence);
            var entry = new TranscriptEntry(sequence, BotJson.SerializeToUtf8(activity), streamOnly, retryKey);
            _entries.Enqueue(entry);
            if (retryKey is not null)
            {
                _idsByRetryKey[retryKey] = activity.Id;
            }

            long delta = entry.Json.Length;
            while (_entries.Count > _maxEntries)
            {
                var dropped = _entries.Dequeue();
                delta -= dropped.Json.Length;
                if (dropped.RetryKey is not null)
                {
                    _idsByRetryKey.Remove(dropped.RetryKey);
                }
            }

            _bytes += delta;
            if (_subscription is not null && !_subscription.Offer(ActivitySetWriter.Write([entry], sequence)))
            {
                _subscription = null;
            }

            return new AppendResult(activity.Id, delta, Duplicate: false);
        }
    }

    /// <summary>The kept activities after a watermark, as polling clients get them (no typing), and the new watermark.</summary>
    public byte[] ActivitySetAfter(long watermark)
    {
        lock (_gate)
        {
            return ActivitySetWriter.Write(Deliverable(watermark), Math.Max(_sequence, watermark));
        }
    }

    /// <summary>Opens the stream for a new socket, starting with what it missed after its watermark.</summary>
    public StreamSubscription? Subscribe(long watermark)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            _subscription?.End();
            var subscription = new StreamSubscription();
            var backlog = Deliverable(watermark).ToList();
            if (backlog.Count > 0)
            {
                subscription.Offer(ActivitySetWriter.Write(backlog, _sequence));
            }

            _subscription = subscription;
            return subscription;
        }
    }

    public void Unsubscribe(StreamSubscription subscription)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_subscription, subscription))
            {
                _subscription = null;
            }
        }
    }

    /// <summary>
    /// Ends the stream and refuses further activities; the store has dropped this conversation. Returns the last
    /// sequence number given out, final from now on, for a revival to continue after.
    /// </summary>
    public long Close()
    {
        lock (_gate)
        {
            _closed = true;
            _subscription?.End();
            _subscription = null;
            return _sequence;
        }
    }

    private IEnumerable<TranscriptEntry> Deliverable(long watermark) =>
        _entries.Where(entry => entry.Sequence > watermark && !entry.StreamOnly);

    // Azure's ids have the same shape: the conversation id, a bar, and a zero-padded sequence number.
    private string ActivityId(long sequence) => $"{Id}|{sequence:D7}";
}

/// <summary>
/// The id an appended activity got, how much the transcript grew (negative when old activities were dropped), and
/// whether it was a client's retry of an activity already kept (then nothing was appended).
/// </summary>
internal readonly record struct AppendResult(string Id, long BytesDelta, bool Duplicate);

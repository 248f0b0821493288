using System.Collections.Concurrent;
using BackCareBot.Protocol.State;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Runs the store's changes on its one session, a batch at a time. Changes queue while the session is busy, and the
/// next batch runs all that are waiting in a single transaction: under load one commit, with its file locks and log
/// write, serves many turns instead of one. A change that finds the session idle runs at once, on its caller's
/// thread, as a statement of its own.
/// </summary>
/// <remarks>
/// One drainer at a time runs a batch, and everyone else only waits for their own change. Whoever arrives next after
/// a batch drains what queued meanwhile with its own change; if nobody does, a pool thread does. An earlier version
/// passed a gate from waiter to waiter, each woken on a pool thread in turn while it held the gate: at 6,000 turns/s
/// most changes waited in that convoy, about a millisecond per hand-over, although the session was mostly idle.
/// If a batch fails, its transaction is rolled back. When the store is unavailable every change in it gets that
/// failure; otherwise each is run again alone, so one failing change never fails the others.
/// </remarks>
internal sealed class SqliteGroupCommit(SqliteSessionSlot session, SemaphoreSlim gate) : IThreadPoolWorkItem
{
    // Bounds how long one commit holds the file's write lock; 64 conversations make at most about that many.
    private const int MaxBatch = 64;

    private readonly ConcurrentQueue<IQueuedOperation> _queue = new();

    // Used only by the drainer.
    private readonly List<IQueuedOperation> _batch = new(MaxBatch);

    // 1 while someone is running a batch.
    private int _draining;

    // 1 while a pool thread is due to look at the queue.
    private int _helperDue;

    public async Task<T> RunAsync<T>(Func<SqliteSession, T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new QueuedOperation<T>(operation);
        _queue.Enqueue(queued);
        await DrainOnceAsync();

        if (!queued.Completion.IsCompleted && cancellationToken.CanBeCanceled)
        {
            // Cancelled while waiting: the change is dropped unless a batch already took it, in which case its
            // outcome stands.
            using var registration = queued.WithdrawOn(cancellationToken);
            return await queued.Completion;
        }

        return await queued.Completion;
    }

    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _helperDue, 0);
        _ = DrainOnceAsync();
    }

    // One batch per drainer: going on while more arrives would keep the drainer's own turn waiting.
    private async Task DrainOnceAsync()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            return;
        }

        await RunOneBatchAsync();
        Volatile.Write(ref _draining, 0);

        // A change queued during the batch found it running and only waits; it must not wait for a caller that may
        // never come.
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _helperDue, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private async Task RunOneBatchAsync()
    {
        try
        {
            // Shared with the checkpointer's last pass and with disposal.
            await gate.WaitAsync();
        }
        catch (ObjectDisposedException disposed)
        {
            while (TakeBatch())
            {
                foreach (var operation in _batch)
                {
                    operation.Fail(disposed);
                }
            }

            return;
        }

        try
        {
            RunBatch();
        }
        finally
        {
            gate.Release();
        }
    }

    private void RunBatch()
    {
        if (!TakeBatch())
        {
            return;
        }

        if (_batch.Count == 1)
        {
            _batch[0].RunAlone(session);
            return;
        }

        try
        {
            session.Run(RunInOneTransaction);
            foreach (var operation in _batch)
            {
                operation.Complete();
            }
        }
        catch (StorageUnavailableException unavailable)
        {
            // A locked file or a full disk fails them all alike; trying each again would only wait again.
            foreach (var operation in _batch)
            {
                operation.Fail(unavailable);
            }
        }
        catch (Exception)
        {
            // The slot closed the failed connection, which rolled the transaction back.
            foreach (var operation in _batch)
            {
                operation.RunAlone(session);
            }
        }
    }

    private bool TakeBatch()
    {
        _batch.Clear();
        while (_batch.Count < MaxBatch && _queue.TryDequeue(out var operation))
        {
            if (operation.TryClaim())
            {
                _batch.Add(operation);
            }
        }

        return _batch.Count > 0;
    }

    private bool RunInOneTransaction(SqliteSession transaction)
    {
        transaction.Begin();
        foreach (var operation in _batch)
        {
            operation.RunInBatch(transaction);
        }

        transaction.Commit();
        return true;
    }

    private interface IQueuedOperation
    {
        bool TryClaim();

        void RunAlone(SqliteSessionSlot slot);

        /// <summary>Runs inside the batch's transaction and keeps the result until the commit succeeds.</summary>
        void RunInBatch(SqliteSession transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedOperation<T>(Func<SqliteSession, T> operation) : IQueuedOperation
    {
        private const int Waiting = 0;
        private const int Claimed = 1;
        private const int Withdrawn = 2;

        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;
        private T? _result;

        public Task<T> Completion => _completion.Task;

        public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

        /// <summary>Cancels the operation if the token fires before a batch has claimed it.</summary>
        public CancellationTokenRegistration WithdrawOn(CancellationToken cancellationToken) =>
            cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var operation = (QueuedOperation<T>)state!;
                if (Interlocked.CompareExchange(ref operation._state, Withdrawn, Waiting) == Waiting)
                {
                    operation._completion.TrySetCanceled(token);
                }
            }, this);

        public void RunAlone(SqliteSessionSlot slot)
        {
            try
            {
                _completion.SetResult(slot.Run(operation));
            }
            catch (Exception exception)
            {
                _completion.SetException(exception);
            }
        }

        public void RunInBatch(SqliteSession transaction) => _result = operation(transaction);

        public void Complete() => _completion.SetResult(_result!);

        public void Fail(Exception exception) => _completion.SetException(exception);
    }
}

using System.Collections.Concurrent;
using BackCareBot.Protocol.State;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Runs the store's operations on its one session, a batch at a time. Operations queue while the session is busy,
/// and whoever holds the gate next runs all that are waiting in a single transaction: under load one commit, with
/// its file locks and log write, serves many turns instead of one. An operation that finds the session idle runs
/// on its own, as a statement of its own.
/// </summary>
/// <remarks>
/// Each waiter still takes the gate in turn, and finds its operation already done when an earlier holder ran it.
/// If a batch fails, its transaction is rolled back. When the store is unavailable every operation in it gets that
/// failure; otherwise each is run again alone, so one failing operation never fails the others.
/// </remarks>
internal sealed class SqliteGroupCommit(SqliteSessionSlot session, SemaphoreSlim gate)
{
    // Bounds how long one commit holds the file's write lock; 64 conversations make at most about that many.
    private const int MaxBatch = 64;

    private readonly ConcurrentQueue<IQueuedOperation> _queue = new();

    // Used only under the gate.
    private readonly List<IQueuedOperation> _batch = new(MaxBatch);

    public async Task<T> RunAsync<T>(Func<SqliteSession, T> operation, CancellationToken cancellationToken)
    {
        var queued = new QueuedOperation<T>(operation);
        _queue.Enqueue(queued);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting: the operation is dropped unless an earlier holder already ran it, in which case
            // its outcome stands.
            if (queued.TryWithdraw())
            {
                throw;
            }

            return await queued.Completion;
        }

        try
        {
            RunWaiting();
        }
        finally
        {
            gate.Release();
        }

        return await queued.Completion;
    }

    // One batch per holding of the gate: a holder that went on draining under steady load would keep its own turn
    // waiting. Whatever is still queued has its own waiters behind the gate.
    private void RunWaiting()
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

        /// <summary>Takes the operation back before anyone ran it; false once a batch has claimed it.</summary>
        public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;

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

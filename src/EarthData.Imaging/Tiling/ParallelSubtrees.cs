using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using EarthData.Core.Tiling;

namespace EarthData.Imaging.Tiling;

/// <summary>
/// Walks subtrees of a tile pyramid on long-running workers, each with its own state (e.g. a GDAL dataset, which is not
/// thread-safe): roots are handed out one at a time; the first failure stops the others and is rethrown as itself.
/// </summary>
internal static class ParallelSubtrees
{
    /// <summary>Runs <paramref name="subtree"/> for each root; keeps the non-null results in <paramref name="keep"/> when given.</summary>
    /// <typeparam name="TState">A worker's state, disposed when the worker ends.</typeparam>
    /// <typeparam name="TBlock">What a subtree returns (its root's block), or null.</typeparam>
    /// <param name="roots">The subtree roots.</param>
    /// <param name="threads">Workers at most.</param>
    /// <param name="open">Creates a worker's state (called on the worker).</param>
    /// <param name="subtree">Builds one subtree.</param>
    /// <param name="keep">Receives each root's block, or null to drop them (they go to <paramref name="release"/>).</param>
    /// <param name="release">Returns a block that is not kept.</param>
    /// <param name="cancellationToken">Stops the run; then <see cref="OperationCanceledException"/> is thrown.</param>
    public static void Run<TState, TBlock>(TileAddress[] roots, int threads, Func<TState> open,
        Func<TState, TileAddress, CancellationToken, TBlock?> subtree, ConcurrentDictionary<TileAddress, TBlock>? keep,
        Action<TBlock> release, CancellationToken cancellationToken)
        where TState : IDisposable
        where TBlock : class
    {
        var next = -1;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new Task[Math.Min(threads, roots.Length)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Factory.StartNew(() =>
            {
                try
                {
                    using var state = open();
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < roots.Length)
                    {
                        failed.Token.ThrowIfCancellationRequested();
                        var block = subtree(state, roots[index], failed.Token);
                        if (block is not null && (keep is null || !keep.TryAdd(roots[index], block)))
                        {
                            release(block);
                        }
                    }
                }
                catch
                {
                    failed.Cancel();
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            // The workers observe the token themselves and finish; waiting must not abandon them.
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = ex.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? ex.InnerExceptions[0];
            ExceptionDispatchInfo.Throw(first);
        }
    }
}

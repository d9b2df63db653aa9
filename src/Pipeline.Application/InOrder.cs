using System.Runtime.ExceptionServices;

namespace Pipeline.Application;

/// <summary>
/// Runs pieces of work on up to N threads and gives their results in the order the work came, so that a parallel
/// run prints the same bytes as a one-thread run. The work is taken from its sequence on the caller's thread, in
/// order (what must happen in order, such as reading standard input, can happen there); at most 2 × N results wait
/// to be taken, so memory stays flat over many inputs.
/// </summary>
public static class InOrder
{
    /// <summary>The results of <paramref name="work"/>, in its order; with <paramref name="parallel"/> 1 each runs on the caller's thread when its result is asked for.</summary>
    /// <param name="work">The pieces of work; enumerated on the caller's thread.</param>
    /// <param name="parallel">How many pieces may run at once (1 or more).</param>
    /// <param name="cancel">Stops promptly: no new piece starts, and waiting for a result ends with <see cref="OperationCanceledException"/>;
    /// pieces already running finish in the background.</param>
    public static IEnumerable<T> Run<T>(IEnumerable<Func<T>> work, int parallel, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        return parallel == 1 ? OneByOne(work, cancel) : Parallel(work, parallel, cancel);
    }

    private static IEnumerable<T> OneByOne<T>(IEnumerable<Func<T>> work, CancellationToken cancel)
    {
        foreach (var piece in work)
        {
            cancel.ThrowIfCancellationRequested();
            yield return piece();
        }
    }

    private static IEnumerable<T> Parallel<T>(IEnumerable<Func<T>> work, int parallel, CancellationToken cancel)
    {
        // The concurrent side of a scheduler pair runs at most `parallel` tasks at once, on the thread pool.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, parallel).ConcurrentScheduler;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var waiting = new Queue<Task<T>>();
        using var pieces = work.GetEnumerator();
        try
        {
            while (true)
            {
                while (waiting.Count < 2 * parallel && !stop.IsCancellationRequested && pieces.MoveNext())
                {
                    waiting.Enqueue(Task.Factory.StartNew(pieces.Current, stop.Token, TaskCreationOptions.None, scheduler));
                }

                if (waiting.Count == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                    yield break;
                }

                yield return Result(waiting.Dequeue(), cancel);
            }
        }
        finally
        {
            stop.Cancel(); // pieces not started yet never start
        }
    }

    private static T Result<T>(Task<T> task, CancellationToken cancel)
    {
        try
        {
            task.Wait(cancel);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return task.Result;
    }
}

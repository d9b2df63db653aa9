namespace Pipeline.Crawling.Politeness;

/// <summary>
/// One host's turnstile: one request at a time, and the next one starts no sooner than the delay
/// after the previous one ended (so the server sees gaps of at least the delay), or later when the
/// host asked for a pause with Retry-After or its circuit opened. The delay is
/// <see cref="DelayRule.Gap"/> of the run's delay, the board's and robots.txt's Crawl-delay.
/// </summary>
public sealed class HostGate(TimeSpan delay, TimeProvider clock)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private DateTimeOffset _lastEnd = DateTimeOffset.MinValue;
    private TimeSpan? _board;
    private TimeSpan? _crawlDelay;

    /// <summary>The gap kept between requests.</summary>
    public TimeSpan Delay
    {
        get
        {
            lock (_one)
            {
                return DelayRule.Gap(delay, _board, _crawlDelay);
            }
        }
    }

    /// <summary>The board's own delay from the registry (null: the run's delay applies).</summary>
    public void UseBoardDelay(TimeSpan? board) => Change(() => _board = board);

    /// <summary>robots.txt's Crawl-delay for us: no request to the host comes sooner.</summary>
    public void ObeyCrawlDelay(TimeSpan crawlDelay) => Change(() => _crawlDelay = crawlDelay);

    private void Change(Action set)
    {
        TimeSpan before, after;
        lock (_one)
        {
            before = Delay;
            set();
            after = Delay;
        }

        // The request that brought the news (robots.txt) already ended: a longer gap counts from it.
        if (after > before && _lastEnd > DateTimeOffset.MinValue)
        {
            Postpone(_lastEnd + after);
        }
    }

    /// <summary>Keeps the host closed until <paramref name="until"/> (Retry-After, circuit open).</summary>
    public void Postpone(DateTimeOffset until)
    {
        lock (_one)
        {
            if (until > _notBefore)
            {
                _notBefore = until;
            }
        }
    }

    public DateTimeOffset NotBefore
    {
        get
        {
            lock (_one)
            {
                return _notBefore;
            }
        }
    }

    /// <summary>Waits for the host's turn; dispose the result when the response has been read.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancel)
    {
        await _one.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            // A loop, as a pause may be added while this request waits.
            for (var wait = NotBefore - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = NotBefore - clock.GetUtcNow())
            {
                await Task.Delay(wait, clock, cancel).ConfigureAwait(false);
            }
        }
        catch
        {
            _one.Release();
            throw;
        }

        return new Turn(this);
    }

    private void Leave()
    {
        _lastEnd = clock.GetUtcNow();
        Postpone(_lastEnd + Delay);
        _one.Release();
    }

    private sealed class Turn(HostGate gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}

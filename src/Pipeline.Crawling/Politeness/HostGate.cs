namespace Pipeline.Crawling.Politeness;

/// <summary>
/// One host's turnstile: one request at a time, and the next one starts no sooner than the delay
/// after the previous one ended (so the server sees gaps of at least the delay), or later when the
/// host asked for a pause with Retry-After or its circuit opened.
/// </summary>
public sealed class HostGate(TimeSpan delay, TimeProvider clock)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private DateTimeOffset _lastEnd = DateTimeOffset.MinValue;

    /// <summary>The gap kept between requests; raised by robots.txt Crawl-delay.</summary>
    public TimeSpan Delay { get; private set; } = delay;

    public void RaiseDelay(TimeSpan delay)
    {
        if (delay > Delay)
        {
            Delay = delay;

            // The request that brought the news (robots.txt) already ended: the longer gap counts from it.
            if (_lastEnd > DateTimeOffset.MinValue)
            {
                Postpone(_lastEnd + delay);
            }
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

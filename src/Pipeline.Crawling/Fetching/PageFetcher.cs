using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Pipeline.Crawling.Politeness;
using Pipeline.Crawling.Urls;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Crawling.Fetching;

/// <summary>
/// Fetches pages politely and resiliently: one shared HttpClient; per host a gate (one request at a
/// time, spaced by the delay) and a Polly pipeline (overall timeout, retries with jittered backoff
/// or the server's Retry-After, a circuit breaker, a timeout per attempt); redirects followed by
/// hand so loops, hop counts and off-site targets are caught; bodies capped after decompression.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private static readonly HashSet<int> TransientStatus = [408, 429, 500, 502, 503, 504];

    private readonly CrawlSettings _settings;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ResiliencePipeline<Attempt>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public PageFetcher(CrawlSettings settings, TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
        _http = new HttpClient(handler ?? CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi,en;q=0.5");
    }

    /// <summary>The pooled handler: connections reused per host, compressed bodies decoded, redirects left to us.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = 2,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        UseCookies = false,
    };

    /// <summary>The gate of a host, created with the configured delay on first use.</summary>
    public HostGate Gate(string host) => _gates.GetOrAdd(host, _ => new HostGate(_settings.Delay, _clock));

    /// <summary>
    /// Fetches <paramref name="url"/>, sending <paramref name="validators"/> as a conditional GET.
    /// <paramref name="mayFollow"/> decides whether a redirect target may be fetched (registry hosts, robots.txt).
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, Validators validators, Func<Uri, CancellationToken, ValueTask<FetchOutcome?>> mayFollow, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var visited = new HashSet<Uri> { url };
        var hops = new List<Uri>();
        var current = url;
        var requests = 0;
        for (var hop = 0; ; hop++)
        {
            var counter = new StrongBox<int>();
            var attempt = await HopAsync(current, validators, counter, cancel).ConfigureAwait(false);
            requests += counter.Value;
            if (attempt.Location is null)
            {
                return attempt.ToResult(url, current, requests, watch.Elapsed) with { Hops = hops };
            }

            var next = UrlCanonicalizer.Resolve(current, attempt.Location);
            FetchResult Stop(FetchOutcome outcome, string detail) =>
                new() { Url = url, FinalUrl = current, Outcome = outcome, Status = attempt.Status, Requests = requests, Elapsed = watch.Elapsed, Detail = detail, Hops = hops };

            if (next is null)
            {
                return Stop(FetchOutcome.ClientError, $"redirect to an unusable location \"{attempt.Location}\"");
            }

            if (!visited.Add(next))
            {
                return Stop(FetchOutcome.RedirectLoop, $"redirect loop back to {next}");
            }

            if (hop + 1 > _settings.MaxRedirects)
            {
                return Stop(FetchOutcome.TooManyRedirects, $"more than {_settings.MaxRedirects} redirects");
            }

            if (await mayFollow(next, cancel).ConfigureAwait(false) is { } refused)
            {
                return Stop(refused, $"redirect to {next} refused ({refused})");
            }

            current = next;
            hops.Add(next);
        }
    }

    private async Task<Attempt> HopAsync(Uri url, Validators validators, StrongBox<int> counter, CancellationToken cancel)
    {
        var pipeline = _pipelines.GetOrAdd(url.Authority, BuildPipeline);
        var gate = Gate(url.Authority);
        try
        {
            return await pipeline.ExecuteAsync(
                async (state, token) =>
                {
                    using var turn = await state.gate.EnterAsync(token).ConfigureAwait(false);
                    state.counter.Value++;
                    return await state.self.SendAsync(state.url, state.validators, token).ConfigureAwait(false);
                },
                (self: this, gate, url, validators, counter),
                cancel).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            // The host keeps failing: close it for the break and let the page wait for a later turn.
            gate.Postpone(_clock.GetUtcNow() + (e.RetryAfter ?? _settings.BreakerBreakDuration));
            return Attempt.Failed(FetchOutcome.CircuitOpen, $"{url.Authority} is failing; its circuit is open");
        }
        catch (TimeoutRejectedException)
        {
            return Attempt.Failed(FetchOutcome.Timeout, "no complete response in time");
        }
        catch (HttpRequestException e)
        {
            return Attempt.Failed(FetchOutcome.ConnectionError, e.HttpRequestError + ": " + e.Message);
        }
        catch (IOException e)
        {
            return Attempt.Failed(FetchOutcome.ConnectionError, e.Message);
        }
    }

    private async Task<Attempt> SendAsync(Uri url, Validators validators, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (validators.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (validators.LastModified is { } modified && DateTimeOffset.TryParse(modified, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var headers = Headers(response);
        var attempt = new Attempt
        {
            Status = status,
            Headers = headers,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            RetryAfter = RetryAfter.Read(response.Headers.RetryAfter, _clock.GetUtcNow()),
        };
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location?.OriginalString;
            return location is null
                ? attempt with { Outcome = FetchOutcome.ClientError, Detail = $"{status} without a Location" }
                : attempt with { Location = location };
        }

        if (attempt.RetryAfter is { } pause && status is 429 or 503)
        {
            // Retry-After speaks for the whole host, not just this page.
            Gate(url.Authority).Postpone(_clock.GetUtcNow() + pause);
        }

        if (status == 304)
        {
            return attempt with { Outcome = FetchOutcome.NotModified };
        }

        if (status is < 200 or >= 300)
        {
            return attempt with { Outcome = Classify(status), Detail = $"HTTP {status} {response.ReasonPhrase}" };
        }

        if (response.Content.Headers.ContentLength is { } declared && declared > _settings.MaxBodyBytes
            && response.Content.Headers.ContentEncoding.Count == 0)
        {
            return attempt with { Outcome = FetchOutcome.TooLarge, Detail = $"declared {declared:N0} bytes; the cap is {_settings.MaxBodyBytes:N0}" };
        }

        try
        {
            var body = await ReadCappedAsync(response.Content, _settings.MaxBodyBytes, cancel).ConfigureAwait(false);
            return body is null
                ? attempt with { Outcome = FetchOutcome.TooLarge, Detail = $"body passed the cap of {_settings.MaxBodyBytes:N0} bytes" }
                : attempt with { Outcome = FetchOutcome.Ok, Body = body };
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancel.IsCancellationRequested)
        {
            // The headers came, the body did not: a reset or a short body.
            return attempt with { Outcome = FetchOutcome.Truncated, Detail = "the body ended early: " + e.Message };
        }
    }

    private static FetchOutcome Classify(int status) => status switch
    {
        404 or 410 => FetchOutcome.NotFound,
        429 => FetchOutcome.RateLimited,
        408 => FetchOutcome.Timeout,
        >= 500 => FetchOutcome.ServerError,
        _ => FetchOutcome.ClientError,
    };

    /// <summary>The body, or null once it passes <paramref name="cap"/> bytes (read no further).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancel)
    {
        using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private ResiliencePipeline<Attempt> BuildPipeline(string host)
    {
        var transient = new PredicateBuilder<Attempt>()
            .Handle<TimeoutRejectedException>()
            .Handle<HttpRequestException>()
            .Handle<IOException>()
            .HandleResult(a => a.IsTransient)
            .Build();
        var builder = new ResiliencePipelineBuilder<Attempt>().AddTimeout(_settings.OverallTimeout);
        if (_settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                // A pause longer than we are willing to wait is not retried; the page waits for the next run.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is not { } pause || pause <= _settings.MaxRetryAfter
                        ? transient(args.Outcome)
                        : false),
                MaxRetryAttempts = _settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _settings.RetryBaseDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Attempt>
            {
                ShouldHandle = args => ValueTask.FromResult(transient(args.Outcome)),
                FailureRatio = _settings.BreakerFailureRatio,
                MinimumThroughput = _settings.BreakerMinimumThroughput,
                SamplingDuration = _settings.BreakerSamplingDuration,
                BreakDuration = _settings.BreakerBreakDuration,
            })
            .AddTimeout(_settings.AttemptTimeout)
            .Build();
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One HTTP exchange as the resilience pipeline sees it.</summary>
    private sealed record Attempt
    {
        public FetchOutcome Outcome { get; init; }

        public int Status { get; init; }

        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        public string? ContentType { get; init; }

        public string? ETag { get; init; }

        public string? LastModified { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public string? Location { get; init; }

        public byte[] Body { get; init; } = [];

        public string? Detail { get; init; }

        public bool IsTransient => TransientStatus.Contains(Status) || Outcome == FetchOutcome.Truncated;

        public static Attempt Failed(FetchOutcome outcome, string detail) => new() { Outcome = outcome, Detail = detail };

        public FetchResult ToResult(Uri url, Uri final, int requests, TimeSpan elapsed) => new()
        {
            Url = url,
            FinalUrl = final,
            Outcome = Outcome,
            Status = Status,
            Body = Body,
            ContentType = ContentType,
            ETag = ETag,
            LastModified = LastModified,
            Headers = Headers,
            Requests = requests,
            Elapsed = elapsed,
            Detail = Detail,
        };
    }
}

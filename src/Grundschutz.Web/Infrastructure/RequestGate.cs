using Grundschutz.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Lets at most <see cref="RequestConcurrencyOptions.MaxConcurrentRequests"/> requests into the app at once (by default
/// 8 per processor on SQLite, no limit on PostgreSQL); the others
/// wait in arrival order (up to <see cref="RequestConcurrencyOptions.RequestQueueLimit"/>, then 503 with Retry-After).
/// Under a burst this keeps the requests in work few enough that each finishes quickly instead of all of them sharing
/// the processors, and the saves waiting for the disk's sync come in larger groups (SQLite's group commit: in the save
/// load on 2 cores 8–12 commits per sync instead of 1.2–1.5, about a tenth less CPU per request, lower p95 –
/// bench/README.md).
/// Static files are served before the gate, uploads pass it (see <see cref="IsUpload"/>). A client that gives up while
/// waiting leaves the queue.
/// </summary>
public sealed class RequestGate : IMiddleware, IDisposable
{
    /// <summary>Multipart POSTs above this size (or of unknown length) count as uploads and pass the gate.</summary>
    public const long UploadBypassBytes = 256 * 1024;

    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim? _places;
    private readonly ILogger<RequestGate> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _logLock = new();
    private long _waiting;
    private long _rejectedSinceLog;
    private DateTimeOffset _lastLog = DateTimeOffset.MinValue;

    public RequestGate(IOptions<RequestConcurrencyOptions> options, IOptions<DatabaseOptions> database, ILogger<RequestGate> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        Limit = options.Value.EffectiveLimit(Environment.ProcessorCount, database.Value.Provider);
        QueueLimit = options.Value.RequestQueueLimit;
        // SemaphoreSlim hands a freed place to the longest-waiting request (its asynchronous waiters form a queue) and
        // continues that request on the thread pool, not inside the leaving request's release. (ConcurrencyLimiter from
        // System.Threading.RateLimiting was measured too: it continues the next request inline, on the leaving one's
        // stack; with a hop to the thread pool added the save loop still fared worse – bench/README.md.)
        _places = Limit == 0 ? null : new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Requests worked on at once (0 = no limit).</summary>
    public int Limit { get; }

    /// <summary>Requests that may wait.</summary>
    public int QueueLimit { get; }

    /// <summary>Requests waiting for a place right now.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>
    /// Takes a place as a request would, waiting in the same queue (tests hold places with it to see the queue and the
    /// refusal); null when the queue is full. Dispose the result to give the place back.
    /// </summary>
    public async Task<IDisposable?> HoldAsync(CancellationToken cancellationToken)
    {
        var places = _places ?? throw new InvalidOperationException("The request gate has no limit.");
        return await EnterAsync(places, cancellationToken) ? new Place(places) : null;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (_places is null || IsUpload(context.Request))
        {
            await next(context);
            return;
        }

        bool entered;
        try
        {
            entered = await EnterAsync(_places, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while waiting: nobody is left to answer.
            return;
        }

        if (!entered)
        {
            LogRejection();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "Der Grundschutz-Check ist gerade ausgelastet. Bitte in einigen Sekunden erneut versuchen; Ihre gespeicherten Angaben sind nicht betroffen.\n"
                + "The service is busy. Please try again in a few seconds; nothing you saved is affected.\n",
                context.RequestAborted);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            _places.Release();
        }
    }

    /// <summary>A free place at once, or a wait in the queue; false when the queue is full.</summary>
    private async Task<bool> EnterAsync(SemaphoreSlim places, CancellationToken cancellationToken)
    {
        if (places.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (Interlocked.Increment(ref _waiting) > QueueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            return false;
        }

        try
        {
            await places.WaitAsync(cancellationToken);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>
    /// Uploads (multipart POSTs of more than 256 KB or of unknown length: evidence, workbooks, catalogues) pass without
    /// a place: most of their time is spent receiving the body at the client's pace, and a few slow uploads must not
    /// hold up everyone else's pages. Small multipart posts – the questionnaire's autosave sends its form that way –
    /// take a place like any other request. (The upload limits, Uploads:MaxRequestBytes, still apply.)
    /// </summary>
    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.ContentType is { } type && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
        && request.ContentLength is null or > UploadBypassBytes;

    /// <summary>One warning per 10 seconds at most, with the count since the last one (an overload must not flood the log).</summary>
    private void LogRejection()
    {
        long count;
        lock (_logLock)
        {
            _rejectedSinceLog++;
            var now = _time.GetUtcNow();
            if (now - _lastLog < LogInterval)
            {
                return;
            }

            count = _rejectedSinceLog;
            _rejectedSinceLog = 0;
            _lastLog = now;
        }

        _logger.LogWarning(
            "Server busy: {Count} request(s) refused with 503 – {Limit} in work and {Queue} waiting (Server:MaxConcurrentRequests, Server:RequestQueueLimit)",
            count, Limit, QueueLimit);
    }

    public void Dispose() => _places?.Dispose();

    private sealed class Place(SemaphoreSlim places) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                places.Release();
            }
        }
    }
}

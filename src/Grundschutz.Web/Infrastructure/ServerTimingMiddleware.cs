using System.Diagnostics;
using System.Globalization;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (milliseconds) to every response, so that load scripts and browser
/// dev tools can read the server's own processing time.
/// </summary>
public sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}

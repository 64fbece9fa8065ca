using System.Diagnostics.Tracing;
using System.Globalization;

namespace Grundschutz.Benchmarks;

/// <summary>
/// Which types a phase allocates most, from the runtime's allocation sampling (one <c>GCAllocationTick</c> event about
/// every 100 KB allocated, naming the type of the object that crossed the mark). Diagnostic only
/// (<c>GRUNDSCHUTZ_LOAD_ALLOC=1</c>): the events cost a little CPU themselves.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, (long Bytes, int Samples)> _byType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames!.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        lock (_byType)
        {
            var (bytes, samples) = _byType.GetValueOrDefault(type);
            _byType[type] = (bytes + amount, samples + 1);
        }
    }

    public void Print(int top)
    {
        lock (_byType)
        {
            var total = _byType.Values.Sum(v => v.Bytes);
            Console.WriteLine($"Allocation samples by type (≈ {total / 1024 / 1024:N0} MB sampled):");
            foreach (var (type, (bytes, samples)) in _byType.OrderByDescending(p => p.Value.Bytes).Take(top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * bytes / total,5:0.0} %  {samples,6}  {type}"));
            }
        }
    }
}

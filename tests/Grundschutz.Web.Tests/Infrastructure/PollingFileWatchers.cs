using System.Runtime.CompilerServices;

namespace Grundschutz.Web.Tests.Infrastructure;

/// <summary>
/// Every test host watches files (configuration files, the static files behind <c>asp-append-version</c>) through
/// <c>PhysicalFileProvider</c>, which takes one inotify instance each on Linux. The tests start hundreds of hosts, and
/// the per-user limit (128 by default) is shared with everything else the user runs – build servers included –, so a
/// run could fail with „The configured user limit (128) on the number of inotify instances has been reached“. Polling
/// watchers need none; the tests change no watched file, so nothing else differs. Set before the first host starts
/// (and inherited by the app processes the durability tests start).
/// </summary>
internal static class PollingFileWatchers
{
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
}

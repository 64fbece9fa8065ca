using System.Diagnostics;
using System.Text;
using Grundschutz.TestSupport;
using Grundschutz.Web.Infrastructure;
using Grundschutz.Web.Tests.Infrastructure;

namespace Grundschutz.Web.Tests.Durability;

/// <summary>
/// The built Grundschutz.Web.dll as a separate process (<c>dotnet Grundschutz.Web.dll</c>) on Kestrel at
/// 127.0.0.1 with a free port, with its database (a SQLite file in the folder, or a PostgreSQL database – see
/// <see cref="AppDatabase"/>), a key folder in the folder and the demo data (Development). <see cref="Kill"/> ends it
/// like <c>kill -9</c>: no shutdown code runs.
/// </summary>
public sealed class AppProcess : IDisposable
{
    public const string DemoPassword = "Demo-Passwort-Durability-1";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string folder, AppDatabase database)
    {
        var dll = typeof(Program).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            dll,
            "--urls=http://127.0.0.1:0",
            "--environment=Development",
            $"--contentRoot={folder}",
            $"--Database:Provider={database.Provider}",
            $"--ConnectionStrings:Grundschutz={database.ConnectionString}",
            $"--DataProtection:KeysDirectory={Path.Combine(folder, "keys")}",
            "--Startup:DemoData=true",
            $"--Startup:DemoCatalog={SharedFiles.InRepository("catalog/demo-katalog.json")}",
            // The content root is the test's folder: the app refuses to start without its templates and help.
            $"--Reports:TemplateDirectory={SharedFiles.InRepository("templates")}",
            $"--Reports:DocsDirectory={SharedFiles.InRepository("docs")}",
            $"--Startup:DemoPassword={DemoPassword}",
            "--Security:LoginAttemptsPerMinute=1000",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The app exited during start:\n" + Output));
        _process.EnableRaisingEvents = true;
    }

    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits (at most 60 s) until Kestrel listens.</summary>
    public static async Task<AppProcess> StartAsync(string folder, AppDatabase database)
    {
        var app = new AppProcess(folder, database);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    /// <summary>SIGKILL: the process ends at once, without flushing or disposing anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string marker = "Now listening on: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + marker.Length)..].Trim()));
        }
    }

    /// <summary>The demo ISB's user name (the demo data are seeded on start).</summary>
    public static string IsbUserName => DemoDataSeeder.IsbUserName;
}

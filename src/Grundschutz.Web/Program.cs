using Grundschutz.Infrastructure;
using Grundschutz.Web;
using Grundschutz.Web.Cli;

// `dotnet run -- catalog import <file>…` and the other verbs run without starting the web server.
if (CliArguments.TryParse(args, out var cli))
{
    return await CliRunner.RunAsync(cli);
}

WebApplication app;
try
{
    app = GrundschutzApp.Build(args);
    await GrundschutzApp.InitializeAsync(app);
}
catch (StartupException ex)
{
    // A wrong setting or an unreachable database: the message names it; a stack trace would only hide it.
    await Console.Error.WriteLineAsync("Fehler beim Start: " + ex.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

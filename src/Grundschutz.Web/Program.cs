using Grundschutz.Web;
using Grundschutz.Web.Cli;

// `dotnet run -- catalog import <file>…` and the other verbs run without starting the web server.
if (CliArguments.TryParse(args, out var cli))
{
    return await CliRunner.RunAsync(cli);
}

var app = GrundschutzApp.Build(args);
await GrundschutzApp.InitializeAsync(app);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

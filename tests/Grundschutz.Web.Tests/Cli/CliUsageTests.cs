using Grundschutz.Web.Cli;

namespace Grundschutz.Web.Tests.Cli;

/// <summary>
/// What an operator's script gets for a wrong call: a mistyped verb or option is refused with the usage and exit code
/// 2 before the database is touched – it neither starts a second web server (a first word that is no verb used to) nor
/// migrates, nor is an unknown option ignored (<c>evidence cleanup --dryrun</c> would have deleted files). Help is
/// there under the usual spellings, and a wrong setting ends a verb with exit code 1 and the setting's name.
/// </summary>
public sealed class CliUsageTests : IDisposable
{
    private readonly CliTestHost _host = new(sqliteOnly: true);

    [Theory]
    [InlineData("backpu", "backpu")]
    [InlineData("Migrat", "migrat")]
    [InlineData("--help", "help")]
    [InlineData("-h", "help")]
    [InlineData("-?", "help")]
    public void TryParse_AWordThatIsNoServerArgument_IsACommand(string first, string noun)
    {
        Assert.True(CliArguments.TryParse([first, "x.db"], out var cli));
        Assert.Equal(noun, cli.Noun);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.1:5000")]
    [InlineData("urls=http://127.0.0.1:5000")]
    [InlineData("/urls", "http://127.0.0.1:5000")]
    public void TryParse_ServerArguments_StartTheServer(params string[] args) => Assert.False(CliArguments.TryParse(args, out _));

    [Fact]
    public void TryParse_SettingWithItsValueAfterASpace_IsASetting_NotAFile()
    {
        Assert.True(CliArguments.TryParse(["catalog", "import", "a.json", "--ConnectionStrings:Grundschutz", "Host=db;Password=Geheim-1", "b.xml"], out var cli));

        Assert.Equal(["a.json", "b.xml"], cli.Positional);
        Assert.Equal(["--ConnectionStrings:Grundschutz=Host=db;Password=Geheim-1"], cli.ConfigArgs);
    }

    [Theory]
    [InlineData("Unbekannter Befehl: backpu x.db", "backpu", "x.db")]
    [InlineData("Unbekannter Befehl: catalog imprt", "catalog", "imprt", "a.json")]
    [InlineData("Unbekannter Befehl: database", "database")]
    [InlineData("Unbekannte Option für evidence cleanup: --dryrun", "evidence", "cleanup", "--dryrun")]
    [InlineData("Unbekannte Option für database backup: --forse", "backup", "x.db", "--forse")]
    [InlineData("Unbekannte Option für migrate: --now", "migrate", "--now")]
    public async Task Run_UnknownVerbOrOption_Exit2WithUsage_DatabaseUntouched(string message, params string[] args)
    {
        var (exit, output, error) = await _host.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"Fehler: {message}{Environment.NewLine}Verwendung:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_host.DatabasePath), "The database was created (migrated) for a wrong call.");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("evidence", "cleanup", "--help")]
    public async Task Run_Help_Exit0_UsageOnStdout(params string[] args)
    {
        var (exit, output, error) = await _host.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Equal(CliRunner.Usage, output.TrimEnd());
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Run_WrongSetting_Exit1_NamesTheSetting()
    {
        var (exit, _, error) = await _host.RunAsync("migrate", "--Reports:MaxListedItems=0");

        Assert.Equal(1, exit);
        Assert.Equal("Fehler: Reports:MaxListedItems: 0 ist ungültig (eine positive Zahl).", error.Trim());
        Assert.False(File.Exists(_host.DatabasePath));
    }

    public void Dispose() => _host.Dispose();
}

namespace Grundschutz.Web.Cli;

/// <summary>
/// A CLI verb such as <c>catalog import a.json b.xml --json</c>. Arguments of the form <c>--Section:Key=value</c>
/// are configuration overrides and go to the host, the ASP.NET Core way.
/// </summary>
public sealed record CliArguments(string Noun, string Verb, IReadOnlyList<string> Positional, IReadOnlySet<string> Flags, string[] ConfigArgs)
{
    /// <summary>The ways of asking for help before any verb.</summary>
    private static readonly IReadOnlySet<string> HelpOptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "--help", "-h", "-?", "/?", "/h" };

    /// <summary>
    /// False for the web server's arguments: none, or options (<c>--urls=…</c>, <c>--urls …</c>, <c>/urls …</c>) and
    /// <c>key=value</c>. Any other first word is a verb – a known one, or a mistyped one that <see cref="CliRunner"/>
    /// answers with the usage and exit code 2: before, `backpu x.db` in a cron job started a second web server.
    /// </summary>
    public static bool TryParse(string[] args, out CliArguments cli)
    {
        cli = null!;
        if (args.Length == 0)
        {
            return false;
        }

        if (HelpOptions.Contains(args[0]))
        {
            args = ["help", .. args[1..]];
        }
        else if (args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        // `backup <file>` is short for `database backup <file>` (the file must not become the lower-cased verb).
        if (args[0].Equals("backup", StringComparison.OrdinalIgnoreCase) || args[0].Equals("restore", StringComparison.OrdinalIgnoreCase))
        {
            args = ["database", .. args];
        }

        var positional = new List<string>();
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var config = new List<string>();
        var verb = "";
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
            {
                config.Add(a);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))
            {
                // `--Section:Key value`, as the server takes it: the value must not become a file argument (a connection
                // string with its password would then be echoed as „Datei nicht gefunden“).
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    config.Add($"{a}={args[++i]}");
                }
                else
                {
                    config.Add(a);
                }
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                flags.Add(a[2..]);
            }
            else if (verb.Length == 0)
            {
                verb = a;
            }
            else
            {
                positional.Add(a);
            }
        }

        cli = new CliArguments(args[0].ToLowerInvariant(), verb.ToLowerInvariant(), positional, flags, [.. config]);
        return true;
    }
}

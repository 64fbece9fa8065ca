namespace Grundschutz.Web.Cli;

/// <summary>
/// A CLI verb such as <c>catalog import a.json b.xml --json</c>. Arguments of the form <c>--Section:Key=value</c>
/// are configuration overrides and go to the host, the ASP.NET Core way.
/// </summary>
public sealed record CliArguments(string Noun, string Verb, IReadOnlyList<string> Positional, IReadOnlySet<string> Flags, string[] ConfigArgs)
{
    /// <summary>The nouns that start a CLI command instead of the web server.</summary>
    public static readonly IReadOnlySet<string> Nouns = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "catalog", "municipalities", "evidence", "help", "database", "backup", "restore", "seed", "migrate" };

    public static bool TryParse(string[] args, out CliArguments cli)
    {
        cli = null!;
        if (args.Length == 0 || !Nouns.Contains(args[0]))
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
            if (a.StartsWith("--", StringComparison.Ordinal) && (a.Contains('=', StringComparison.Ordinal) || a.Contains(':', StringComparison.Ordinal)))
            {
                config.Add(a);
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

using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.TestSupport;

namespace Grundschutz.Web.Tests.Startup;

/// <summary>
/// An operator configures the app from <c>appsettings.example.json</c> and the README's configuration table. Both must
/// name every setting the app reads – every property of an options class (a class with a <c>SectionName</c>) and the
/// few keys read directly – and nothing the app does not read (a misspelt key would be silently ignored).
/// </summary>
public sealed partial class ConfigurationDocumentationTests
{
    /// <summary>Keys the app reads from configuration directly rather than through an options class.</summary>
    private static readonly string[] DirectKeys = ["ConnectionStrings:Grundschutz", Grundschutz.Web.Infrastructure.DemoDataSeeder.PasswordKey, "Security:LoginAttemptsPerMinute", Grundschutz.Web.Infrastructure.SessionTimeout.MinutesKey, "DataProtection:KeysDirectory"];

    [Fact]
    public void ExampleSettings_NameEverySettingTheAppReads_AndNothingElse()
    {
        var example = ExampleKeys();
        var read = OptionsKeys().Concat(DirectKeys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(read.Except(example).Order());
        Assert.Empty(example.Where(k => !read.Contains(k) && !IsAspNetCoreKey(k)).Order());
    }

    [Fact]
    public void ReadmeTable_NamesTheSameSettingsAsTheExample()
    {
        var example = ExampleKeys().Where(k => !IsAspNetCoreKey(k)).ToHashSet(StringComparer.Ordinal);
        var readme = ReadmeKeys();

        Assert.Empty(example.Except(readme).Order());
        Assert.Empty(readme.Except(example).Order());
    }

    [Fact]
    public void OptionsKeys_FindTheKnownOptionsClasses()
    {
        // Guards the reflection above: without it, an empty set would make the first test pass vacuously.
        var keys = OptionsKeys();
        Assert.Contains("Database:Provider", keys);
        Assert.Contains("Uploads:MaxRequestBytes", keys);
        Assert.Contains("Evidence:TrustedPublicKeys", keys);
    }

    private static bool IsAspNetCoreKey(string key) => key == "AllowedHosts" || key.StartsWith("Logging:", StringComparison.Ordinal);

    /// <summary>Leaf keys of appsettings.example.json (an array counts as one setting).</summary>
    private static HashSet<string> ExampleKeys()
    {
        var text = File.ReadAllText(SharedFiles.InRepository("appsettings.example.json"));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, "", keys);
        return keys;

        static void Collect(JsonElement element, string prefix, HashSet<string> keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                keys.Add(prefix);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
            }
        }
    }

    /// <summary>
    /// Keys in the README's configuration table: the first column's code spans; a name without a section
    /// (<c>`Evidence:MaxVerifyBytes` / `MaxVerifyUncompressedBytes`</c>) belongs to the section before it.
    /// </summary>
    private static HashSet<string> ReadmeKeys()
    {
        var readme = File.ReadAllText(SharedFiles.InRepository("README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no „## Configuration“ section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            string? sectionName = null;
            foreach (Match match in CodeSpan().Matches(line.Split('|')[1]))
            {
                var name = match.Groups[1].Value;
                if (name.Contains(':', StringComparison.Ordinal))
                {
                    sectionName = name[..name.LastIndexOf(':')];
                    keys.Add(name);
                }
                else
                {
                    Assert.NotNull(sectionName);
                    keys.Add($"{sectionName}:{name}");
                }
            }
        }

        return keys;
    }

    /// <summary>Section:Property for every settable public property of every options class of the app.</summary>
    private static HashSet<string> OptionsKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(DatabaseOptions).Assembly, typeof(Program).Assembly }.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field
                || field.GetRawConstantValue() is not string sectionName)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                keys.Add($"{sectionName}:{property.Name}");
            }
        }

        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}

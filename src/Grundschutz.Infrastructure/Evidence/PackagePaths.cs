using System.Globalization;
using System.Text;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>File names inside the evidence package.</summary>
public static class PackagePaths
{
    public const string Manifest = "manifest.json";
    public const string Signature = "manifest.sig";
    public const string AnswerTrail = "audit/answer-trail.jsonl";
    public const string AnswerHeads = "audit/answer-heads.json";
    public const string Workflow = "audit/workflow.json";
    public const string ReferenceList = "00_Referenzdokumente";
    public const string Strukturanalyse = "A.1_Strukturanalyse";
    public const string Modellierung = "A.3_Modellierung";
    public const string GrundschutzCheck = "A.4_IT-Grundschutz-Check";
    public const string Realisierungsplan = "A.6_Realisierungsplan";
    public const string PolicyFolder = "A.0/";
    public const string EvidenceFolder = "Nachweise/";

    /// <summary>Format tag of manifest.json.</summary>
    public const string Format = "grundschutz-evidence-package/1";

    /// <summary>
    /// One path segment from user text: letters, digits, blank, '.', '-', '_', '(', ')' kept, everything else '_';
    /// no leading dots or blanks, at most <paramref name="max"/> characters, "_" when nothing is left. The result
    /// can never contain a separator or "..", so a package path cannot leave its folder.
    /// </summary>
    public static string Segment(string? text, int max = 100)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '(' or ')' ? c : '_');
        }

        var clean = builder.ToString().Trim().TrimStart('.').Trim();
        while (clean.Contains("..", StringComparison.Ordinal))
        {
            clean = clean.Replace("..", ".", StringComparison.Ordinal);
        }

        if (clean.Length > max)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            clean = clean[..(max - extension.Length)].TrimEnd() + extension;
        }

        return clean.Length == 0 ? "_" : clean;
    }

    /// <summary>"name (2).ext", "name (3).ext" … until <paramref name="taken"/> does not contain it; adds the result.</summary>
    public static string Unique(string path, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = path;
        var folder = path[..(path.LastIndexOf('/') + 1)];
        var name = path[folder.Length..];
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length];
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{folder}{stem} ({n}){extension}");
        }

        return candidate;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>Small helpers shared by the OSCAL writers: writer settings, props, single-line values, timestamps.</summary>
internal static class OscalWriting
{
    /// <summary>
    /// Indented UTF-8. The relaxed encoder keeps umlauts readable; JSON string escaping still applies, so user text
    /// such as <c>&lt;script&gt;</c> stays data (the file is always downloaded, never rendered as HTML).
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>OSCAL date-time with offset, UTC with second precision.</summary>
    public static string DateTime(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO date.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value that fits OSCAL's string datatype (<c>^\S(.*\S)?$</c>: one line, no leading or trailing blanks):
    /// runs of whitespace containing a line break become one space; null when nothing is left.
    /// </summary>
    public static string? SingleLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085')
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                continue;
            }

            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ')
            {
                continue;
            }

            sb.Append(c);
        }

        var result = sb.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Collects props and writes them (nothing when empty: OSCAL arrays have minItems 1).</summary>
    public sealed class Props
    {
        private readonly List<(string Name, string Value, string? Ns, string? Remarks)> _items = [];

        public Props Add(string name, string? value, string? remarks = null) => AddNs(name, value, OscalNames.Namespace, remarks);

        public Props AddNs(string name, string? value, string? ns, string? remarks = null)
        {
            var clean = SingleLine(value);
            if (clean is not null)
            {
                _items.Add((name, clean, ns, string.IsNullOrWhiteSpace(remarks) ? null : remarks));
            }

            return this;
        }

        public void Write(Utf8JsonWriter writer)
        {
            if (_items.Count == 0)
            {
                return;
            }

            writer.WriteStartArray("props");
            foreach (var (name, value, ns, remarks) in _items)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                if (ns is not null)
                {
                    writer.WriteString("ns", ns);
                }

                writer.WriteString("value", value);
                if (remarks is not null)
                {
                    writer.WriteString("remarks", remarks);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Writes the metadata block shared by both documents.</summary>
    public static void WriteMetadata(Utf8JsonWriter writer, OscalExportSource source, string title, Props props)
    {
        var assessment = source.Assessment;
        writer.WriteStartObject("metadata");
        writer.WriteString("title", title);
        writer.WriteString("last-modified", DateTime(source.Now));
        writer.WriteString("version", DateTime(source.Now));
        writer.WriteString("oscal-version", OscalNames.OscalVersion);
        props.Write(writer);
        if (!string.IsNullOrWhiteSpace(source.MunicipalityName))
        {
            writer.WriteStartArray("parties");
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(OscalIds.For(assessment.Id, "party/municipality")));
            writer.WriteString("type", "organization");
            writer.WriteString("name", source.MunicipalityName);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the back-matter: the catalogue the assessment is pinned to, and (for AR) the import-ap placeholder.</summary>
    public static void WriteBackMatter(Utf8JsonWriter writer, OscalExportSource source, bool withAssessmentPlanNote)
    {
        var assessment = source.Assessment;
        writer.WriteStartObject("back-matter");
        writer.WriteStartArray("resources");
        writer.WriteStartObject();
        writer.WriteString("uuid", OscalIds.Text(CatalogResourceId(assessment.Id)));
        writer.WriteString("title", source.Catalog.Title);
        writer.WriteString("description", $"Katalog der Bewertung, Version {source.Catalog.Version}.");
        new Props()
            .Add(OscalNames.CatalogTitle, source.Catalog.Title)
            .Add(OscalNames.CatalogVersion, source.Catalog.Version)
            .Add(OscalNames.CatalogSha256, source.Catalog.Sha256)
            .Write(writer);
        if (!string.IsNullOrWhiteSpace(source.Catalog.SourceFileName) && !string.IsNullOrWhiteSpace(source.Catalog.Sha256))
        {
            writer.WriteStartArray("rlinks");
            writer.WriteStartObject();
            writer.WriteString("href", Uri.EscapeDataString(source.Catalog.SourceFileName));
            writer.WriteStartArray("hashes");
            writer.WriteStartObject();
            writer.WriteString("algorithm", "SHA-256");
            writer.WriteString("value", source.Catalog.Sha256);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        if (withAssessmentPlanNote)
        {
            writer.WriteStartObject();
            writer.WriteString("uuid", OscalIds.Text(AssessmentPlanResourceId(assessment.Id)));
            writer.WriteString("title", "Kein separater Bewertungsplan (Assessment Plan)");
            writer.WriteString(
                "description",
                "Selbstbewertung nach BSI-Standard 200-2 (IT-Grundschutz-Check). Es gibt keinen eigenen OSCAL-Assessment-Plan: "
                + "Umfang und Zielobjekte stehen in reviewed-controls und local-definitions dieses Dokuments.");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static Guid CatalogResourceId(Guid assessmentId) => OscalIds.For(assessmentId, "resource/catalog");

    public static Guid AssessmentPlanResourceId(Guid assessmentId) => OscalIds.For(assessmentId, "resource/assessment-plan");

    public static Guid TargetObjectId(Guid assessmentId, Guid targetObjectId) => OscalIds.For(assessmentId, "target/" + targetObjectId.ToString("D"));
}

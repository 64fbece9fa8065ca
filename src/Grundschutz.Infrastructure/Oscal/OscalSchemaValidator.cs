using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Validates documents against the official NIST OSCAL 1.1.3 JSON schemas with NJsonSchema. The schemas are draft-07
/// with <c>additionalProperties: false</c>, enums and regular-expression patterns (<c>\p{L}</c>, <c>\p{N}</c>), which
/// .NET's <see cref="System.Text.RegularExpressions.Regex"/> understands as written; formats (<c>date-time</c>,
/// <c>uri</c>, <c>uri-reference</c>) are checked as well. Each schema is loaded once per process.
/// </summary>
public sealed class OscalSchemaValidator(string schemaDirectory)
{
    private readonly ConcurrentDictionary<OscalSchemaKind, Lazy<Task<JsonSchema>>> _schemas = new();

    /// <summary>The folder the schemas are read from.</summary>
    public string SchemaDirectory { get; } = schemaDirectory;

    /// <summary>The schema file of a model.</summary>
    public static string FileName(OscalSchemaKind kind) => kind switch
    {
        OscalSchemaKind.AssessmentResults => "oscal_assessment-results_schema.json",
        OscalSchemaKind.Poam => "oscal_poam_schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>True when the schema file of <paramref name="kind"/> exists.</summary>
    public bool IsAvailable(OscalSchemaKind kind) => File.Exists(Path.Combine(SchemaDirectory, FileName(kind)));

    /// <summary>
    /// All schema violations of <paramref name="json"/> as „path: kind“ lines (empty when valid). The caller has
    /// already checked that it is well-formed JSON.
    /// </summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string json, OscalSchemaKind kind)
    {
        var schema = await _schemas.GetOrAdd(kind, k => new Lazy<Task<JsonSchema>>(() => LoadAsync(k))).Value;
        var errors = schema.Validate(json);
        var lines = new List<string>();
        Flatten(errors, lines);
        return lines;
    }

    private Task<JsonSchema> LoadAsync(OscalSchemaKind kind) => JsonSchema.FromFileAsync(Path.Combine(SchemaDirectory, FileName(kind)));

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> lines)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // A failed allOf/oneOf branch: its inner errors say what is wrong.
                foreach (var inner in child.Errors.Values)
                {
                    Flatten(inner, lines);
                }

                if (child.Errors.Values.All(e => e.Count == 0))
                {
                    lines.Add(Line(error));
                }

                continue;
            }

            lines.Add(Line(error));
        }
    }

    private static string Line(ValidationError error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        return $"{path}: {error.Kind}";
    }
}

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>The OSCAL 1.1.3 models this product writes or reads.</summary>
public enum OscalSchemaKind
{
    /// <summary><c>oscal_assessment-results_schema.json</c>.</summary>
    AssessmentResults = 0,

    /// <summary><c>oscal_poam_schema.json</c>.</summary>
    Poam = 1,
}

using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Oscal;

/// <summary>
/// Creates a new assessment from an uploaded OSCAL assessment-results file: size limit before reading, well-formed
/// JSON, the NIST 1.1.3 schema, this product's props, the referenced catalogue version must be imported here, every
/// control id must exist in it. The assessment is built through the same aggregate methods the scope and questionnaire
/// pages use (<see cref="Assessment.AddTargetObject"/>, <see cref="Assessment.ApplyModule"/>,
/// <see cref="Assessment.RecordAnswer"/>), so every answer rule and the answer history apply. Any problem refuses the
/// whole file: nothing is saved.
/// </summary>
public sealed class AssessmentResultsImporter(
    GrundschutzDbContext db,
    CatalogContextCache contexts,
    OscalSchemaValidator validator,
    IOptions<OscalOptions> options,
    TimeProvider time)
{
    private const int MaxListedDetails = 20;

    /// <summary>Imports the file as a new Draft assessment of <paramref name="municipalityId"/>; returns its id.</summary>
    /// <param name="content">The uploaded file.</param>
    /// <param name="length">Its length if known (checked before reading).</param>
    /// <param name="municipalityId">The acting ISB's municipality (never taken from the file).</param>
    /// <param name="actor">The acting ISB.</param>
    /// <param name="assessmentId">The new assessment's id when the caller chose it in advance (see <see cref="Assessment.Create"/>); null for a new one.</param>
    /// <param name="cancellationToken">Cancels reading and saving.</param>
    /// <exception cref="AssessmentResultsImportException">The file is refused; the message says why.</exception>
    public async Task<Assessment> ImportAsync(Stream content, long? length, int municipalityId, Actor actor, Guid? assessmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        var bytes = await ReadLimitedAsync(content, length, options.Value.MaxImportBytes, cancellationToken);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var message = ex.LineNumber is { } line
                ? MessageText.Of("Die Datei ist kein gültiges JSON (Zeile {0}). Erwartet wird ein OSCAL-Assessment-Results-Dokument.", line + 1)
                : MessageText.Of("Die Datei ist kein gültiges JSON. Erwartet wird ein OSCAL-Assessment-Results-Dokument.");
            throw new AssessmentResultsImportException(message, ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("assessment-results", out _))
            {
                throw new AssessmentResultsImportException(MessageText.Of("Die Datei ist kein OSCAL-Assessment-Results-Dokument (es fehlt „assessment-results“)."));
            }

            if (!validator.IsAvailable(OscalSchemaKind.AssessmentResults))
            {
                throw new AssessmentResultsImportException(MessageText.Of(
                    "Das OSCAL-Schema zur Prüfung ist auf dem Server nicht eingerichtet (Einstellung Oscal:SchemaDirectory). Bitte wenden Sie sich an die Administration."));
            }

            var errors = await validator.ValidateAsync(Encoding.UTF8.GetString(bytes), OscalSchemaKind.AssessmentResults);
            if (errors.Count > 0)
            {
                throw new AssessmentResultsImportException(
                    MessageText.Of("Die Datei entspricht nicht dem OSCAL-1.1.3-Schema für Assessment Results ({0} Abweichungen).", errors.Count),
                    Verbatim(errors.Take(MaxListedDetails)));
            }

            var imported = AssessmentResultsReader.Read(document.RootElement);
            return await CreateAsync(imported, municipalityId, actor, assessmentId, cancellationToken);
        }
    }

    private async Task<Assessment> CreateAsync(ImportedAssessmentResults imported, int municipalityId, Actor actor, Guid? assessmentId, CancellationToken cancellationToken)
    {
        var version = await FindCatalogAsync(imported, cancellationToken)
            ?? throw new AssessmentResultsImportException(MessageText.Of(
                "Der Katalog „{0}“ in der Version „{1}“ ist hier nicht importiert. Bitte zuerst den Katalog importieren lassen.", imported.CatalogTitle, imported.CatalogVersion));
        var context = await contexts.GetAsync(db, version.Id, cancellationToken);

        var unknown = imported.Answers.Select(a => a.RequirementId)
            .Concat(imported.AdoptedHRequirements)
            .Where(id => context.Find(id) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new AssessmentResultsImportException(
                MessageText.Of("{0} Anforderung(en) gibt es im Katalog „{1}“ ({2}) nicht.", unknown.Count, version.Title, version.Version),
                Verbatim(unknown.Take(MaxListedDetails)));
        }

        var now = time.GetUtcNow();
        try
        {
            var assessment = Assessment.Create(municipalityId, version.Id, version.Framework, imported.Approach, imported.Title, actor.UserId, now, assessmentId);
            var targets = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var target in imported.TargetObjects)
            {
                if (targets.ContainsKey(target.OscalUuid))
                {
                    throw new AssessmentResultsImportException(MessageText.Of("Das Zielobjekt „{0}“ steht doppelt in der Datei.", target.Name));
                }

                var created = assessment.AddTargetObject(target.Name, target.Kind);
                targets.Add(target.OscalUuid, created.Id);
                foreach (var module in target.Modules)
                {
                    assessment.ApplyModule(module, created.Id);
                }
            }

            foreach (var (groupId, reason) in imported.Exclusions)
            {
                assessment.ExcludeModule(groupId, reason);
            }

            foreach (var id in imported.AdoptedHRequirements)
            {
                assessment.AdoptHRequirement(context.Find(id)!);
            }

            foreach (var answer in imported.Answers)
            {
                if (!targets.TryGetValue(answer.TargetObjectUuid, out var targetId))
                {
                    throw new AssessmentResultsImportException(MessageText.Of("Der Befund „{0}“ verweist auf ein Zielobjekt, das in der Datei fehlt.", answer.FindingTitle));
                }

                if (IsEmpty(answer.Input))
                {
                    continue;
                }

                try
                {
                    assessment.RecordAnswer(answer.Input with { TargetObjectId = targetId }, 0, actor, now, context.Find(answer.RequirementId)!);
                }
                catch (AnswerConflictException)
                {
                    throw new AssessmentResultsImportException(MessageText.Of("Der Befund „{0}“ steht doppelt in der Datei.", answer.FindingTitle));
                }
                catch (AnswerValidationException ex)
                {
                    throw new AssessmentResultsImportException(
                        MessageText.Of("Der Befund „{0}“ ist keine gültige Antwort.", answer.FindingTitle),
                        [.. ex.Errors.Where(e => e.Severity == AnswerIssueSeverity.Invalid)]);
                }
                catch (AssessmentRuleException ex)
                {
                    throw new AssessmentResultsImportException(MessageText.Of("Befund „{0}“: {1}", answer.FindingTitle, ex), ex);
                }
            }

            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
            return assessment;
        }
        catch (AssessmentRuleException ex)
        {
            throw new AssessmentResultsImportException(ex, ex);
        }
    }

    private async Task<CatalogVersionRow?> FindCatalogAsync(ImportedAssessmentResults imported, CancellationToken cancellationToken)
    {
        var versions = db.CatalogVersions.AsNoTracking();
        if (!string.IsNullOrEmpty(imported.CatalogSha256))
        {
            var bySha = await versions.Where(v => v.Sha256 == imported.CatalogSha256)
                .Select(v => new CatalogVersionRow(v.Id, v.Title, v.Version, v.Framework))
                .FirstOrDefaultAsync(cancellationToken);
            if (bySha is not null)
            {
                return bySha;
            }
        }

        return await versions.Where(v => v.Title == imported.CatalogTitle && v.Version == imported.CatalogVersion)
            .OrderByDescending(v => v.Id)
            .Select(v => new CatalogVersionRow(v.Id, v.Title, v.Version, v.Framework))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static bool IsEmpty(AnswerInput input) =>
        input.Status == AnswerStatus.Open && input.EntbehrlichReason is null && string.IsNullOrWhiteSpace(input.Justification)
        && string.IsNullOrWhiteSpace(input.ImplementationDescription) && string.IsNullOrWhiteSpace(input.Owner)
        && input.DueDate is null && input.CostEstimate is null && input.AssessedOn is null && string.IsNullOrWhiteSpace(input.Interviewees);

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long? length, long maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = MessageText.Of("Die Datei ist größer als das Limit von {0}.", CatalogImportService.SizeText(maxBytes));
        if (length > maxBytes)
        {
            throw new AssessmentResultsImportException(tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new AssessmentResultsImportException(tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new AssessmentResultsImportException(MessageText.Of("Die Datei ist leer."));
        }

        return buffer.ToArray();
    }

    /// <summary>Details shown as they are (schema paths and kinds, requirement ids from the file).</summary>
    private static List<ITranslatableMessage> Verbatim(IEnumerable<string> details) => [.. details.Select(MessageText.Verbatim)];

    private sealed record CatalogVersionRow(int Id, string Title, string Version, Domain.Catalog.CatalogFramework Framework);
}

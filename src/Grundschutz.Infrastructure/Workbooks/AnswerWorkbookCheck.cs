using System.Globalization;
using Grundschutz.Domain.Assessments;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Dates;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// Checks a parsed questionnaire workbook against its assessment, row by row, without changing anything: the
/// metadata must name this assessment and its catalogue version (and carry a matching stamp); each row must name a
/// pair of this assessment's scope (unknown ids, withdrawn and out-of-scope requirements are errors), hold a known
/// status and reason, readable dates in <see cref="PlausibleDates"/> and amounts, and pass <see cref="AnswerValidator"/>
/// (an „entbehrlich“ without justification is an error here, not just incomplete). Rows equal to the stored answer are
/// unchanged; rows whose stored answer has another version than the exported one are conflicts. A date out of range
/// is an error even in an unchanged row: it can only come from an answer saved before dates were checked, and the row
/// names the date to correct.
/// </summary>
public static class AnswerWorkbookCheck
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Day 0 of Excel's serial dates, as the export writes them (ExcelRowWriter).</summary>
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>The largest amount the database column holds.</summary>
    public const decimal MaxCost = 999_999_999_999.99m;

    public static AnswerWorkbookPreview Check(Assessment assessment, CatalogContext catalog, ParsedQuestionnaire parsed, Actor actor, DateOnly today, string fileName)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(actor);
        CheckMetadata(assessment, parsed.Metadata);

        var framework = assessment.Framework;
        var targets = assessment.TargetObjects.ToDictionary(t => t.Id);
        var applicable = assessment.ApplicableQuestions(catalog).Select(q => (q.RequirementId, q.TargetObjectId)).ToHashSet();
        // One lookup instead of Assessment.FindAnswer per row: that scans the answer list, which made the check
        // quadratic (73,400 rows × 73,400 answers ≈ 28 s for a full Kompendium assessment).
        var stored = new Dictionary<(string, Guid), Answer>();
        foreach (var answer in assessment.Answers)
        {
            stored.TryAdd((answer.RequirementId, answer.TargetObjectId), answer);
        }

        var seen = new Dictionary<(string, Guid), int>();
        var changes = new List<AnswerWorkbookChange>();
        var conflicts = new List<AnswerWorkbookConflict>();
        var errors = new List<AnswerWorkbookError>();
        var unchanged = 0;
        foreach (var row in parsed.Rows)
        {
            var requirementId = row[QuestionnaireFormat.RequirementColumn]?.AsText().Trim() ?? "";
            var rowErrors = new List<MessageText>();
            void Error(ITranslatableMessage message) => errors.Add(AnswerWorkbookError.Of(row.RowNumber, requirementId.Length == 0 ? null : requirementId, message));

            var targetText = row[QuestionnaireFormat.TargetIdColumn]?.AsText().Trim() ?? "";
            var requirement = catalog.Find(requirementId);
            if (requirement is null || !Guid.TryParse(targetText, out var targetId) || !targets.TryGetValue(targetId, out var target))
            {
                Error(MessageText.Of("Unbekannte Kennung: Die Anforderung „{0}“ mit dem Zielobjekt „{1}“ gibt es in dieser Bewertung nicht. Die Spalten Anforderung und Zielobjekt-ID dürfen nicht geändert werden.", Short(requirementId), Short(targetText)));
                continue;
            }

            if (requirement.Withdrawn)
            {
                Error(MessageText.Of("{0} ist im Katalog entfallen und wird nicht bewertet.", requirementId));
                continue;
            }

            if (!applicable.Contains((requirementId, targetId)))
            {
                Error(MessageText.Of("{0} gehört auf „{1}“ nicht (mehr) zum Prüfumfang dieser Bewertung.", requirementId, target.Name));
                continue;
            }

            if (seen.TryGetValue((requirementId, targetId), out var firstRow))
            {
                Error(MessageText.Of("{0} für „{1}“ steht mehrfach in der Datei (auch in Zeile {2}).", requirementId, target.Name, firstRow));
                continue;
            }

            seen[(requirementId, targetId)] = row.RowNumber;
            var version = ReadVersion(row[QuestionnaireFormat.VersionColumn]);
            if (version is null)
            {
                rowErrors.Add(MessageText.Of("Die Spalte Version wurde verändert; sie muss die exportierte Zahl enthalten."));
            }

            var statusText = row[QuestionnaireFormat.StatusColumn]?.AsText();
            if (!QuestionnaireFormat.TryParseStatus(statusText, framework, out var status))
            {
                rowErrors.Add(MessageText.Of("Ungültiger Status „{0}“. Erlaubt sind: {1}.", Short(statusText), string.Join(", ", QuestionnaireFormat.StatusWords(framework))));
            }

            var reasonText = row[QuestionnaireFormat.ReasonColumn]?.AsText();
            if (!QuestionnaireFormat.TryParseReason(reasonText, out var reason))
            {
                rowErrors.Add(MessageText.Of("Ungültiger Grund für „entbehrlich“: „{0}“. Erlaubt sind: {1}.", Short(reasonText), string.Join(", ", QuestionnaireFormat.ReasonWords)));
            }

            var dueDate = ReadDate(row[QuestionnaireFormat.DueDateColumn], "Umsetzung bis", rowErrors);
            var assessedOn = ReadDate(row[QuestionnaireFormat.AssessedOnColumn], "Datum der Erhebung", rowErrors);
            var cost = ReadCost(row[QuestionnaireFormat.CostColumn], rowErrors);
            if (rowErrors.Count > 0)
            {
                rowErrors.ForEach(Error);
                continue;
            }

            var values = Normalize(new AnswerInput(
                requirementId, targetId, status, reason,
                row[QuestionnaireFormat.JustificationColumn]?.AsText(),
                row[QuestionnaireFormat.ImplementationColumn]?.AsText(),
                row[QuestionnaireFormat.OwnerColumn]?.AsText(),
                dueDate, cost, assessedOn,
                row[QuestionnaireFormat.IntervieweesColumn]?.AsText()));
            var existing = stored.GetValueOrDefault((requirementId, targetId));
            var current = existing?.ToInput() ?? new AnswerInput(requirementId, targetId, AnswerStatus.Open);
            var fields = Diff(current, values, framework);
            if (fields.Count == 0)
            {
                unchanged++;
                continue;
            }

            var currentVersion = existing?.Version ?? 0;
            if (version != currentVersion)
            {
                conflicts.Add(new AnswerWorkbookConflict(row.RowNumber, requirementId, target.Name, version!.Value, currentVersion, fields));
                continue;
            }

            if (!assessment.CanAnswer(actor, requirement.GroupId))
            {
                Error(MessageText.Of("Sie dürfen den Baustein {0} nicht bearbeiten: Er ist Ihnen nicht zugewiesen.", requirement.GroupId));
                continue;
            }

            var validation = AnswerValidator.Validate(values, requirement, today);
            var blocking = validation
                .Where(e => e.Severity == AnswerIssueSeverity.Invalid
                    || (values.Status == AnswerStatus.Entbehrlich && e.Field is AnswerFields.Justification or AnswerFields.EntbehrlichReason))
                .ToList();
            if (blocking.Count > 0)
            {
                blocking.ForEach(Error);
                continue;
            }

            changes.Add(new AnswerWorkbookChange(
                row.RowNumber, requirementId, targetId, target.Name, currentVersion, values, fields,
                [.. validation.Select(e => e.Message)])
            {
                NoteTexts = [.. validation.Select(MessageText.From)],
            });
        }

        return new AnswerWorkbookPreview(assessment.Id, fileName, parsed.Rows.Count, unchanged, changes, conflicts, errors);
    }

    private static void CheckMetadata(Assessment assessment, IReadOnlyDictionary<string, string> metadata)
    {
        string Get(string label) => metadata.TryGetValue(label, out var value) ? value : "";
        if (Get(QuestionnaireFormat.FormatLabel) != QuestionnaireFormat.FormatId)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei ist kein Fragebogen dieses Portals: Das Blatt „Metadaten“ nennt kein bekanntes Format. Bitte den Fragebogen der Bewertung exportieren und diese Datei verwenden."));
        }

        var exportedAt = Get(QuestionnaireFormat.ExportedAtLabel);
        var catalogText = Get(QuestionnaireFormat.CatalogVersionLabel);
        var assessmentText = Get(QuestionnaireFormat.AssessmentLabel);
        if (!Guid.TryParse(assessmentText, out var assessmentId)
            || !int.TryParse(catalogText, NumberStyles.None, CultureInfo.InvariantCulture, out var catalogVersionId)
            || !string.Equals(QuestionnaireFormat.Stamp(assessmentId, catalogVersionId, exportedAt), Get(QuestionnaireFormat.StampLabel), StringComparison.Ordinal))
        {
            throw new WorkbookRejectedException(MessageText.Of("Das Blatt „Metadaten“ wurde verändert (die Prüfsumme passt nicht). Bitte den Fragebogen neu exportieren."));
        }

        if (catalogVersionId != assessment.CatalogVersionId)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei wurde für eine andere Katalogversion exportiert ({0}). Sie passt nicht zu dieser Bewertung; es wurde nichts übernommen.", Get(QuestionnaireFormat.CatalogLabel)));
        }

        if (assessmentId != assessment.Id)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei gehört zu einer anderen Bewertung. Bitte den Fragebogen dieser Bewertung exportieren und ausfüllen; es wurde nichts übernommen."));
        }
    }

    private static AnswerInput Normalize(AnswerInput input) => input with
    {
        EntbehrlichReason = input.Status == AnswerStatus.Entbehrlich ? input.EntbehrlichReason : null,
        Justification = Clean(input.Justification),
        ImplementationDescription = Clean(input.ImplementationDescription),
        Owner = Clean(input.Owner),
        Interviewees = Clean(input.Interviewees),
    };

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>The fields that differ, with German labels and display values.</summary>
    public static IReadOnlyList<AnswerWorkbookFieldChange> Diff(AnswerInput current, AnswerInput proposed, CatalogFramework framework)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var fields = new List<AnswerWorkbookFieldChange>();
        void Track(string field, string label, string? old, string? now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                fields.Add(new AnswerWorkbookFieldChange(field, label, old, now));
            }
        }

        Track(AnswerFields.Status, "Status", AssessmentTexts.StatusName(current.Status, framework), AssessmentTexts.StatusName(proposed.Status, framework));
        Track(AnswerFields.EntbehrlichReason, "Grund für „entbehrlich“", Reason(current.EntbehrlichReason), Reason(proposed.EntbehrlichReason));
        Track(AnswerFields.Justification, "Begründung", current.Justification, proposed.Justification);
        Track(AnswerFields.ImplementationDescription, "Umsetzung", current.ImplementationDescription, proposed.ImplementationDescription);
        Track(AnswerFields.Owner, "Verantwortlich", current.Owner, proposed.Owner);
        Track(AnswerFields.DueDate, "Umsetzung bis", Date(current.DueDate), Date(proposed.DueDate));
        Track(AnswerFields.CostEstimate, "Kosten", Cost(current.CostEstimate), Cost(proposed.CostEstimate));
        Track(AnswerFields.AssessedOn, "Datum der Erhebung", Date(current.AssessedOn), Date(proposed.AssessedOn));
        Track(AnswerFields.Interviewees, "Befragte Personen", current.Interviewees, proposed.Interviewees);
        return fields;
    }

    private static string? Reason(EntbehrlichReason? reason) => reason is { } r ? AssessmentTexts.ReasonName(r) : null;

    private static string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string? Cost(decimal? cost) => cost is { } c ? c.ToString("N2", German) + " €" : null;

    private static string Short(string? text)
    {
        var clean = text?.Trim() ?? "";
        return clean.Length <= 60 ? clean : string.Concat(clean.AsSpan(0, 59), "…");
    }

    private static int? ReadVersion(WorkbookCell? cell)
    {
        if (cell?.Number is { } number && number >= 0 && number <= int.MaxValue && number == Math.Floor(number))
        {
            return (int)number;
        }

        return cell?.Text is { } text && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static DateOnly? ReadDate(WorkbookCell? cell, string label, List<MessageText> errors)
    {
        if (cell is null)
        {
            return null;
        }

        DateOnly? date = null;
        if (cell.Number is { } serial)
        {
            // Excel serial days counted from 1899-12-30, as the export writes them (a time of day is ignored). A date
            // the export wrote for an answer saved before dates were checked (year 1 is -693593) is read as that date,
            // so that the row can name it; Excel itself shows such a cell as ####.
            var days = Math.Floor(serial);
            if (days >= DateOnly.MinValue.DayNumber - ExcelEpoch.DayNumber && days <= DateOnly.MaxValue.DayNumber - ExcelEpoch.DayNumber)
            {
                date = ExcelEpoch.AddDays((int)days);
            }
        }
        else
        {
            var text = cell.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, ["d.M.yyyy", "dd.MM.yyyy"], German, DateTimeStyles.None, out var parsed)
                || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed))
            {
                date = parsed;
            }
        }

        if (date is not { } value)
        {
            errors.Add(MessageText.Of("Ungültiges Datum in „{0}“: „{1}“. Bitte als Datum eingeben, z. B. 31.12.2026.", label, Short(cell.AsText())));
            return null;
        }

        if (!PlausibleDates.Contains(value))
        {
            errors.Add(MessageText.Of(
                "Das Datum {0} in „{1}“ liegt außerhalb des erlaubten Bereichs. Bitte ein Datum zwischen {2} und {3} eingeben.",
                value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), label, PlausibleDates.Min, PlausibleDates.Max));
            return null;
        }

        return value;
    }

    private static decimal? ReadCost(WorkbookCell? cell, List<MessageText> errors)
    {
        if (cell is null)
        {
            return null;
        }

        decimal? value = null;
        if (cell.Number is { } number)
        {
            if (Math.Abs(number) <= (double)MaxCost)
            {
                value = Math.Round((decimal)number, 2);
            }
        }
        else
        {
            var text = (cell.Text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, German, out var parsed)
                && Math.Abs(parsed) <= MaxCost)
            {
                value = parsed;
            }
        }

        if (value is null)
        {
            errors.Add(MessageText.Of("Ungültige Kosten: „{0}“. Bitte einen Betrag in Euro eingeben, z. B. 1.250,50.", Short(cell.AsText())));
        }

        return value;
    }
}

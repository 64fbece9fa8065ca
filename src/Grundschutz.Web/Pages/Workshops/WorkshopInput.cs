using System.Globalization;
using Grundschutz.Domain.Dates;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Workshops;
using Grundschutz.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Grundschutz.Web.Pages.Workshops;

/// <summary>
/// The workshop form (create and edit): topic, date, catalogue version, participating municipalities as AGS (one
/// per line or separated by commas — a list of 10,000 municipalities is no select box) and module ids (empty = all).
/// </summary>
public sealed class WorkshopInput
{
    public string? Topic { get; set; }

    /// <summary>yyyy-MM-dd from &lt;input type="date"&gt; or dd.MM.yyyy typed.</summary>
    public string? Date { get; set; }

    public int? CatalogVersionId { get; set; }

    public string? Municipalities { get; set; }

    public string? Modules { get; set; }

    public static WorkshopInput From(Workshop workshop, IEnumerable<string> ags) => new()
    {
        Topic = workshop.Topic,
        Date = workshop.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CatalogVersionId = workshop.CatalogVersionId,
        Municipalities = string.Join(Environment.NewLine, ags),
        Modules = string.Join(Environment.NewLine, workshop.Modules.Select(m => m.GroupId)),
    };

    /// <summary>
    /// Checks the form; on success writes topic, date, version, participants and modules into
    /// <paramref name="workshop"/> and returns true, otherwise adds German errors to <paramref name="modelState"/>.
    /// </summary>
    public async Task<bool> TryApplyAsync(
        Workshop workshop, GrundschutzDbContext db, CatalogContextCache catalogs, ModelStateDictionary modelState,
        IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var ok = true;
        void Error(string field, string message)
        {
            modelState.AddModelError($"Input.{field}", message);
            ok = false;
        }

        var topic = Topic?.Trim() ?? "";
        if (topic.Length == 0)
        {
            Error(nameof(Topic), t["Bitte ein Thema angeben."]);
        }
        else if (topic.Length > Workshop.MaxTopicLength)
        {
            Error(nameof(Topic), t["Das Thema darf höchstens {0} Zeichen lang sein.", Workshop.MaxTopicLength]);
        }

        var dateText = Date?.Trim() ?? "";
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateOnly.TryParseExact(dateText, ["d.M.yyyy", "dd.MM.yyyy"], CultureInfo.GetCultureInfo("de-DE"), DateTimeStyles.None, out date))
        {
            Error(nameof(Date), t["Bitte ein gültiges Datum angeben, z. B. 15.12.2026."]);
        }
        else if (!PlausibleDates.Contains(date))
        {
            Error(nameof(Date), DomainText.Of(t, PlausibleDates.OutOfRange()));
        }

        var versionExists = CatalogVersionId is { } versionId && await db.CatalogVersions.AnyAsync(v => v.Id == versionId, cancellationToken);
        if (!versionExists)
        {
            Error(nameof(CatalogVersionId), t["Bitte eine Katalogversion wählen."]);
        }

        var agsList = Split(Municipalities);
        var participants = new List<int>();
        if (agsList.Count == 0)
        {
            Error(nameof(Municipalities), t["Bitte mindestens eine Kommune (AGS) angeben."]);
        }
        else if (agsList.Count > Workshop.MaxParticipants)
        {
            Error(nameof(Municipalities), t["Höchstens {0} Kommunen je Workshop.", Workshop.MaxParticipants]);
        }
        else
        {
            var found = await db.Municipalities.AsNoTracking().Where(m => agsList.Contains(m.Ags)).Select(m => new { m.Id, m.Ags }).ToListAsync(cancellationToken);
            var unknown = agsList.Where(a => found.TrueForAll(f => f.Ags != a)).ToList();
            if (unknown.Count > 0)
            {
                Error(nameof(Municipalities), t["Unbekannter Gemeindeschlüssel (AGS): {0}. Bitte die acht Ziffern prüfen; teilnehmen können nur Kommunen, die im Portal angelegt sind.", string.Join(", ", unknown.Take(10).Select(u => u.Length > 20 ? u[..20] + "…" : u))]);
            }

            participants = [.. found.Select(f => f.Id)];
        }

        var modules = Split(Modules);
        if (versionExists && modules.Count > 0)
        {
            var catalog = await catalogs.GetAsync(db, CatalogVersionId!.Value, cancellationToken);
            var known = catalog.GroupOrder.ToHashSet(StringComparer.Ordinal);
            var unknown = modules.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                Error(nameof(Modules), t["Diese Bausteine gibt es in der gewählten Katalogversion nicht: {0}.", string.Join(", ", unknown.Take(10).Select(u => u.Length > 30 ? u[..30] + "…" : u))]);
            }
        }

        if (!ok)
        {
            return false;
        }

        workshop.Topic = topic;
        workshop.Date = date;
        workshop.CatalogVersionId = CatalogVersionId!.Value;
        workshop.Participants.RemoveAll(p => !participants.Contains(p.MunicipalityId));
        foreach (var id in participants.Where(id => !workshop.Participants.Exists(p => p.MunicipalityId == id)))
        {
            workshop.Participants.Add(new WorkshopParticipant { WorkshopId = workshop.Id, MunicipalityId = id });
        }

        workshop.Modules.RemoveAll(m => !modules.Contains(m.GroupId));
        foreach (var groupId in modules.Where(g => !workshop.Modules.Exists(m => m.GroupId == g)))
        {
            workshop.Modules.Add(new WorkshopModule { WorkshopId = workshop.Id, GroupId = groupId });
        }

        return true;
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

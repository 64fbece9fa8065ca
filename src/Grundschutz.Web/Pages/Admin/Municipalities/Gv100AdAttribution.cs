using System.Globalization;

using Grundschutz.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Web.Pages.Admin.Municipalities;

/// <summary>
/// The Gebietsstand named in the Destatis attribution (licence dl-de/by-2-0 asks for the source wherever the data
/// is shown): the newest GV100AD file imported, else the one this release was built and tested with.
/// </summary>
public static class Gv100AdAttribution
{
    public const string DefaultGebietsstand = "30.11.2025";

    private const string SourcePrefix = "GV100AD ";

    public static async Task<string> GebietsstandAsync(GrundschutzDbContext db, CancellationToken cancellationToken)
    {
        var sources = await db.Municipalities.AsNoTracking()
            .Where(m => m.Source.StartsWith(SourcePrefix))
            .Select(m => m.Source)
            .Distinct()
            .ToListAsync(cancellationToken);
        var dates = sources
            .Select(s => DateOnly.TryParseExact(s[SourcePrefix.Length..], "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .ToList();
        return dates.Count == 0 ? DefaultGebietsstand : dates.Max().ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    }
}

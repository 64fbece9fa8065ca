using System.Globalization;

using Grundschutz.Domain.Municipalities;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Municipalities;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Municipalities;

/// <summary>
/// Imports the Destatis Gemeindeverzeichnis (GV100AD): size check before reading, the whole file parsed before
/// the database is touched, then one transaction that upserts by AGS. The directory owns name, Kreis, Land
/// name, population and type; the import overwrites only those and leaves every other field as an administrator
/// set it. Municipalities missing from the file are kept. A broken file changes nothing.
/// </summary>
public sealed class MunicipalityImportService(
    GrundschutzDbContext db,
    TimeProvider time,
    IOptions<MunicipalityImportOptions> options,
    ILogger<MunicipalityImportService> logger)
{
    public async Task<MunicipalityImportResult> ImportAsync(MunicipalityImportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var started = time.GetTimestamp();
        var bytes = await ReadLimitedAsync(file, options.Value.MaxFileBytes, cancellationToken);

        List<Gv100AdMunicipality> records;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            records = [.. Gv100AdReader.ReadAll(stream)];
        }
        catch (Gv100AdFormatException ex)
        {
            throw new MunicipalityImportException(file.FileName, ex.ReasonText, ex.LineNumber, ex);
        }

        var municipalities = records.Where(r => !r.IsGemeindefreiesGebiet).ToList();
        if (municipalities.Count == 0)
        {
            throw new MunicipalityImportException(file.FileName, MessageText.Of("Die Datei enthält nur gemeindefreie Gebiete, keine Gemeinden."), null, null);
        }

        var gebietsstand = municipalities[0].Gebietsstand;
        var source = "GV100AD " + gebietsstand.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var (added, updated) = await SaveAsync(municipalities, source, cancellationToken);

        var result = new MunicipalityImportResult(
            file.FileName, gebietsstand, municipalities.Count, added, updated, municipalities.Count - added - updated,
            records.Count - municipalities.Count);
        logger.LogInformation(
            "Imported municipality directory {File} (Gebietsstand {Gebietsstand}) in {Elapsed} ms: {Added} added, {Updated} updated, {Unchanged} unchanged",
            file.FileName, gebietsstand, (long)time.GetElapsedTime(started).TotalMilliseconds, result.Added, result.Updated, result.Unchanged);
        return result;
    }

    private async Task<(int Added, int Updated)> SaveAsync(List<Gv100AdMunicipality> records, string source, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            // 10,000+ rows: change detection once before saving instead of on every Add.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var existing = await db.Municipalities.ToDictionaryAsync(m => m.Ags, StringComparer.Ordinal, ct);
                var now = time.GetUtcNow();
                var added = new List<Municipality>();
                var updated = 0;
                foreach (var record in records)
                {
                    if (existing.TryGetValue(record.Ags.Value, out var municipality))
                    {
                        if (Apply(municipality, record))
                        {
                            municipality.Source = source;
                            municipality.UpdatedAt = now;
                            updated++;
                        }

                        continue;
                    }

                    municipality = new Municipality { Source = source, CreatedAt = now, UpdatedAt = now };
                    municipality.SetAgs(record.Ags);
                    Apply(municipality, record);
                    added.Add(municipality);
                }

                db.Municipalities.AddRange(added);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (added.Count, updated);
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                throw;
            }
            finally
            {
                // The tracked rows are not needed afterwards; a failed attempt must not leave them behind either.
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });
    }

    /// <summary>Copies the fields the directory owns; true if any of them changed.</summary>
    private static bool Apply(Municipality m, Gv100AdMunicipality r)
    {
        var changed = false;
        if (m.Name != r.Name)
        {
            m.SetName(r.Name);
            changed = true;
        }

        if (m.LandName != r.LandName)
        {
            m.LandName = r.LandName;
            changed = true;
        }

        if (m.KreisName != r.KreisName)
        {
            m.KreisName = r.KreisName;
            changed = true;
        }

        if (m.Population != r.Population)
        {
            m.Population = r.Population;
            changed = true;
        }

        if (m.Type != r.Type!.Value)
        {
            m.Type = r.Type.Value;
            changed = true;
        }

        return changed;
    }

    private static async Task<byte[]> ReadLimitedAsync(MunicipalityImportFile file, long maxBytes, CancellationToken ct)
    {
        var tooLarge = MessageText.Of("Die Datei ist größer als das Limit von {0}.", CatalogImportService.SizeText(maxBytes));
        if (file.Length is { } length && length > maxBytes)
        {
            throw new MunicipalityImportException(file.FileName, tooLarge, null, null);
        }

        Stream stream;
        try
        {
            stream = file.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cause (a file system error) is shown as it is.
            throw new MunicipalityImportException(file.FileName, MessageText.Of("Die Datei kann nicht gelesen werden: {0}", ex.Message), null, ex);
        }

        await using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new MunicipalityImportException(file.FileName, tooLarge, null, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}

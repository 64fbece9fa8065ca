using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Catalog;
using Grundschutz.Domain.Catalog.Mapping;
using Grundschutz.Domain.Texts;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>
/// Imports catalogue files into the database: size check before reading, SHA-256 (same file twice is a
/// no-op), the one Domain pipeline for parsing and validation, and one transaction for the whole call so
/// that a failure in any file leaves the database unchanged.
/// </summary>
public sealed class CatalogImportService(
    GrundschutzDbContext db,
    TimeProvider time,
    IOptions<CatalogImportOptions> options,
    ILogger<CatalogImportService> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<CatalogImportResult>> ImportAsync(
        IReadOnlyList<CatalogImportFile> files, string? importedBy, CancellationToken cancellationToken) =>
        ImportAsync(files, importedBy, language: null, cancellationToken);

    /// <summary>Imports the files in one transaction.</summary>
    /// <param name="files">Catalogues, profiles, the Kompendium and mapping collections.</param>
    /// <param name="importedBy">The user name recorded with the new versions.</param>
    /// <param name="language">
    /// The language of the catalogues' texts (BCP 47) chosen by the administrator for all files of the call; null:
    /// what each file states, else <see cref="CatalogImportOptions.DefaultLanguage"/>. Files already imported keep theirs.
    /// </param>
    /// <param name="cancellationToken">Cancels the import; nothing is saved.</param>
    public async Task<IReadOnlyList<CatalogImportResult>> ImportAsync(
        IReadOnlyList<CatalogImportFile> files, string? importedBy, string? language, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            throw new CatalogImportException(MessageText.Of("Keine Datei angegeben."));
        }

        string? chosenLanguage = null;
        if (language is not null && !CatalogLanguage.TryNormalize(language, out chosenLanguage))
        {
            throw new CatalogImportException(MessageText.Of("„{0}“ ist kein gültiges Sprachkennzeichen (BCP 47, z. B. „de“, „en“ oder „en-US“).", language.Trim()));
        }

        if (!CatalogLanguage.TryNormalize(options.Value.DefaultLanguage, out var defaultLanguage))
        {
            throw new CatalogImportException(MessageText.Of("Die Einstellung CatalogImport:DefaultLanguage („{0}“) ist kein gültiges Sprachkennzeichen (BCP 47).", options.Value.DefaultLanguage));
        }

        string LanguageOf(CatalogDocument doc) => chosenLanguage ?? doc.Language ?? defaultLanguage;

        var maxBytes = options.Value.MaxFileBytes;
        var loaded = new List<(CatalogImportFile File, byte[] Bytes, string Sha)>();
        foreach (var file in files)
        {
            var bytes = await ReadLimitedAsync(file, maxBytes, cancellationToken);
            loaded.Add((file, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        var hashes = loaded.Select(l => l.Sha).ToList();
        var existing = await db.CatalogVersions.AsNoTracking()
            .Where(v => hashes.Contains(v.Sha256))
            .ToDictionaryAsync(v => v.Sha256, cancellationToken);
        var existingMappings = await db.MappingCollections.AsNoTracking()
            .Where(m => hashes.Contains(m.Sha256))
            .ToDictionaryAsync(m => m.Sha256, cancellationToken);

        // Catalogues first, profiles last: a profile may import a catalogue given in the same call.
        var ordered = loaded
            .Select((l, index) => (l.File, l.Bytes, l.Sha, Index: index, IsProfile: RootPropertyIs(l.Bytes, "profile")))
            .OrderBy(x => x.IsProfile)
            .ThenBy(x => x.Index)
            .ToList();

        var results = new CatalogImportResult?[loaded.Count];
        var parsed = new List<(int Index, string FileName, string Sha, CatalogDocument Doc)>();
        var mappings = new List<(int Index, string FileName, string Sha, MappingCollectionDocument Doc)>();
        var available = new List<AvailableCatalog>();
        List<AvailableCatalog>? stored = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var item in ordered)
        {
            if (existing.TryGetValue(item.Sha, out var version))
            {
                results[item.Index] = new CatalogImportResult(
                    item.File.FileName, version.Id, version.Title, version.Version, version.GroupCount,
                    version.RequirementCount, version.WithdrawnCount,
                    CatalogWarningsJson.Read(version.WarningsJson), AlreadyImported: true)
                { Language = version.Language };
                continue;
            }

            if (!seen.Add(item.Sha))
            {
                continue; // the same file twice in one call: imported once
            }

            if (RootPropertyIs(item.Bytes, "mapping-collection"))
            {
                if (existingMappings.TryGetValue(item.Sha, out var storedMapping))
                {
                    results[item.Index] = MappingResult(item.File.FileName, storedMapping.Id, storedMapping.Title, storedMapping.Version, storedMapping.SetCount, storedMapping.EntryCount, alreadyImported: true);
                    continue;
                }

                try
                {
                    mappings.Add((item.Index, item.File.FileName, item.Sha, MappingCollectionReader.Read(item.Bytes)));
                }
                catch (CatalogFormatException ex)
                {
                    throw new CatalogImportException(item.File.FileName, ex.Text, ex.Where, ex);
                }

                continue;
            }

            if (item.IsProfile && stored is null)
            {
                stored = await LoadStoredCatalogsAsync(cancellationToken);
            }

            CatalogDocument doc;
            try
            {
                using var stream = new MemoryStream(item.Bytes, writable: false);
                var pool = stored is null ? available : [.. available, .. stored];
                doc = CatalogPipeline.Read(stream, item.File.FileName, pool, new CatalogReadOptions { MaxBytes = maxBytes });
            }
            catch (CatalogFormatException ex)
            {
                throw new CatalogImportException(item.File.FileName, ex.Text, ex.Where, ex);
            }

            // Stored with the language it will have, so that a profile over it in the same call inherits that.
            doc = doc with { Language = LanguageOf(doc) };
            available.Add(new AvailableCatalog(item.File.FileName, doc));
            parsed.Add((item.Index, item.File.FileName, item.Sha, doc));
        }

        if (parsed.Count > 0 || mappings.Count > 0)
        {
            await SaveAsync(parsed, mappings, importedBy, cancellationToken);
            foreach (var m in mappings)
            {
                var saved = db.MappingCollections.Local.First(c => c.Sha256 == m.Sha);
                results[m.Index] = MappingResult(m.FileName, saved.Id, saved.Title, saved.Version, saved.SetCount, saved.EntryCount, alreadyImported: false);
            }

            foreach (var p in parsed)
            {
                var id = db.CatalogVersions.Local.First(v => v.Sha256 == p.Sha).Id;
                results[p.Index] = new CatalogImportResult(
                    p.FileName, id, p.Doc.Title, p.Doc.Version, p.Doc.Groups.Count, p.Doc.Requirements.Count,
                    p.Doc.WithdrawnCount, p.Doc.Warnings, AlreadyImported: false)
                { Language = p.Doc.Language };
            }
        }

        // The same file twice in one call: the later occurrence reports the first one's result.
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is null)
            {
                var sha = loaded[i].Sha;
                var first = Enumerable.Range(0, results.Length).First(j => results[j] is not null && loaded[j].Sha == sha);
                results[i] = results[first]! with { FileName = loaded[i].File.FileName, AlreadyImported = true };
            }
        }

        return results!;
    }

    /// <summary>A mapping collection's result: groups = mappings (target catalogues), requirements = map entries.</summary>
    private static CatalogImportResult MappingResult(string fileName, int id, string title, string version, int sets, int entries, bool alreadyImported) =>
        new(fileName, id, title, version, sets, entries, 0, [], alreadyImported) { Kind = CatalogImportResult.MappingCollectionKind };

    private async Task SaveAsync(
        List<(int Index, string FileName, string Sha, CatalogDocument Doc)> parsed,
        List<(int Index, string FileName, string Sha, MappingCollectionDocument Doc)> mappings,
        string? importedBy,
        CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var (_, fileName, sha, doc) in parsed)
                {
                    var key = CatalogKey(doc.Title);
                    var catalog = await db.Catalogs.FirstOrDefaultAsync(c => c.Key == key, ct)
                        ?? db.Catalogs.Local.FirstOrDefault(c => c.Key == key);
                    if (catalog is null)
                    {
                        catalog = new StoredCatalog { Key = key, Title = doc.Title, Framework = doc.Framework };
                        db.Catalogs.Add(catalog);
                    }

                    var version = new StoredCatalogVersion
                    {
                        Catalog = catalog,
                        Title = doc.Title,
                        Version = Truncate(doc.Version, 200),
                        Format = doc.Format,
                        Framework = doc.Framework,
                        OscalVersion = doc.OscalVersion,
                        Published = doc.Published is null ? null : Truncate(doc.Published, 100),
                        Language = doc.Language ?? CatalogLanguage.German,
                        SourceFileName = Truncate(Path.GetFileName(fileName), 260),
                        Sha256 = sha,
                        ImportedAt = time.GetUtcNow(),
                        ImportedBy = importedBy,
                        GroupCount = doc.Groups.Count,
                        RequirementCount = doc.Requirements.Count,
                        WithdrawnCount = doc.WithdrawnCount,
                        WarningsJson = CatalogWarningsJson.Write(doc.Warnings),
                    };
                    db.CatalogVersions.Add(version);
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);

                    AddRows(version.Id, doc);
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                }

                foreach (var (_, fileName, sha, doc) in mappings)
                {
                    var collection = MappingCollectionStore.Add(db, doc, fileName, sha, time.GetUtcNow(), importedBy);
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                    MappingCollectionStore.AddEntries(db, collection.Id, doc);
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(ct);
                }

                await tx.CommitAsync(ct);
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });

        foreach (var p in parsed)
        {
            logger.LogInformation(
                "Imported catalogue {Title} {Version} from {File}: {Groups} groups, {Requirements} requirements, {Warnings} warnings",
                p.Doc.Title, p.Doc.Version, p.FileName, p.Doc.Groups.Count, p.Doc.Requirements.Count, p.Doc.Warnings.Count);
        }
    }

    private void AddRows(int versionId, CatalogDocument doc)
    {
        var groupsById = doc.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        string TopOf(string groupId)
        {
            var current = groupsById.GetValueOrDefault(groupId);
            var guard = 0;
            while (current?.ParentId is not null && groupsById.TryGetValue(current.ParentId, out var parent) && guard++ < 64)
            {
                current = parent;
            }

            return current?.Id ?? groupId;
        }

        int GroupDepth(CatalogGroup g)
        {
            var depth = 0;
            var current = g;
            while (current.ParentId is not null && groupsById.TryGetValue(current.ParentId, out var parent) && depth < 64)
            {
                depth++;
                current = parent;
            }

            return depth;
        }

        var sequence = 0;
        foreach (var g in doc.Groups)
        {
            db.CatalogGroups.Add(new StoredGroup
            {
                CatalogVersionId = versionId,
                GroupId = g.Id,
                ParentGroupId = g.ParentId,
                TopGroupId = TopOf(g.Id),
                Title = Truncate(g.Title, 1000),
                Kind = g.Kind,
                Sequence = sequence++,
                Depth = GroupDepth(g),
                Description = g.Description,
                Label = g.Label,
                ResponsibleRole = g.ResponsibleRole,
                FurtherRoles = g.FurtherRoles.Count == 0 ? null : string.Join(" | ", g.FurtherRoles),
                ProcessingOrder = g.ProcessingOrder,
                TargetObjectType = g.TargetObjectType,
                PropsJson = JsonSerializer.Serialize(g.Props, JsonOptions),
            });
        }

        var requirementsById = doc.Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        sequence = 0;
        foreach (var r in doc.Requirements)
        {
            var depth = 0;
            var parentId = r.ParentId;
            while (parentId is not null && requirementsById.TryGetValue(parentId, out var parent) && depth < 64)
            {
                depth++;
                parentId = parent.ParentId;
            }

            db.Requirements.Add(new StoredRequirement
            {
                CatalogVersionId = versionId,
                RequirementId = r.Id,
                Title = Truncate(r.Title, 1000),
                GroupId = r.GroupId,
                TopGroupId = TopOf(r.GroupId),
                ParentRequirementId = r.ParentId,
                Sequence = sequence++,
                Depth = depth,
                Level = r.Level,
                SecLevel = r.SecLevel,
                EffortLevel = r.EffortLevel,
                ModalVerb = r.ModalVerb,
                ActionWord = r.ActionWord is null ? null : Truncate(r.ActionWord, 200),
                Result = r.Result is null ? null : Truncate(r.Result, 1000),
                Documentation = r.Documentation is null ? null : Truncate(r.Documentation, 1000),
                TargetObjectCategories = MultiValue.Encode(r.TargetObjectCategories),
                Tags = MultiValue.Encode(r.Tags),
                Roles = MultiValue.Encode(r.Roles),
                Statement = r.Statement,
                Guidance = r.Guidance,
                Withdrawn = r.Withdrawn,
                AltIdentifier = r.AltIdentifier,
                Class = r.Class,
                PropsJson = JsonSerializer.Serialize(r.Props, JsonOptions),
                SearchText = SearchText.Fold($"{r.Id} {r.Title} {r.Statement} {r.Guidance}"),
                SearchTitle = SearchText.Fold($"{r.Id} {r.Title}"),
            });

            foreach (var link in r.Links)
            {
                db.RequirementLinks.Add(new StoredRequirementLink
                {
                    CatalogVersionId = versionId,
                    FromRequirementId = r.Id,
                    ToRequirementId = link.TargetId,
                    Rel = link.Rel,
                });
            }
        }
    }

    /// <summary>Rebuilds the latest version of every stored catalogue, for profile resolution.</summary>
    private async Task<List<AvailableCatalog>> LoadStoredCatalogsAsync(CancellationToken ct)
    {
        var latest = await db.CatalogVersions.AsNoTracking()
            .Where(v => v.Format != CatalogFormat.OscalProfile)
            .GroupBy(v => v.CatalogId)
            .Select(g => g.Max(v => v.Id))
            .ToListAsync(ct);
        var result = new List<AvailableCatalog>();
        foreach (var id in latest)
        {
            var (fileName, doc) = await StoredCatalogLoader.LoadAsync(db, id, ct);
            result.Add(new AvailableCatalog(fileName, doc));
        }

        return result;
    }

    private static async Task<byte[]> ReadLimitedAsync(CatalogImportFile file, long maxBytes, CancellationToken ct)
    {
        var tooLarge = MessageText.Of("Die Datei ist größer als das Limit von {0}.", SizeText(maxBytes));
        if (file.Length is { } length && length > maxBytes)
        {
            throw new CatalogImportException(file.FileName, tooLarge, null, null);
        }

        Stream stream;
        try
        {
            stream = file.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogImportException(file.FileName, MessageText.Of("Die Datei kann nicht gelesen werden: {0}", ex.Message), null, ex);
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
                    throw new CatalogImportException(file.FileName, tooLarge, null, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>
    /// <see cref="FormatBytes"/> translatable: "50 MB", "1,5 MB" (German) or "1.5 MB" (English), "1000 Bytes". In German it
    /// is the same text as <see cref="FormatBytes"/> in the German culture.
    /// </summary>
    public static MessageText SizeText(long bytes) =>
        bytes >= 1024 * 1024 ? MessageText.Of("{0:0.#} MB", bytes / (1024.0 * 1024)) : MessageText.Of("{0} Bytes", bytes);

    public static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes} Bytes";

    /// <summary>Reads the first property name of a JSON object without parsing the whole document.</summary>
    private static bool RootPropertyIs(byte[] bytes, string name)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(name))
                    {
                        return true;
                    }

                    if (reader.ValueTextEquals("$schema"))
                    {
                        reader.Read();
                        continue;
                    }

                    return false;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (XML or broken): the pipeline reports it properly.
        }

        return false;
    }

    /// <summary>Stable key of a catalogue: its title in lower case with dashes.</summary>
    public static string CatalogKey(string title)
    {
        var folded = SearchText.Fold(title);
        var sb = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '+')
            {
                sb.Append(c == '+' ? 'p' : c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        var key = sb.ToString().Trim('-');
        return key.Length == 0 ? "katalog" : Truncate(key, 200);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

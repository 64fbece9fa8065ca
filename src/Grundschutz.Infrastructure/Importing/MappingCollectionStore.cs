using Grundschutz.Domain.Catalog.Mapping;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Persistence.Mapping;

namespace Grundschutz.Infrastructure.Importing;

/// <summary>Writes a parsed mapping collection into <c>MappingCollections</c>/<c>MapEntries</c> (inside the caller's transaction).</summary>
internal static class MappingCollectionStore
{
    /// <summary>Adds the collection and its entries to the change tracker; the caller saves.</summary>
    public static StoredMappingCollection Add(GrundschutzDbContext db, MappingCollectionDocument doc, string fileName, string sha, DateTimeOffset now, string? importedBy)
    {
        var collection = new StoredMappingCollection
        {
            Title = Truncate(doc.Title, 1000),
            Version = Truncate(doc.Version, 200),
            OscalVersion = doc.OscalVersion is null ? null : Truncate(doc.OscalVersion, 50),
            Uuid = doc.Uuid is null ? null : Truncate(doc.Uuid, 100),
            SourceFileName = Truncate(Path.GetFileName(fileName), 260),
            Sha256 = sha,
            ImportedAt = now,
            ImportedBy = importedBy,
            SetCount = doc.Sets.Count,
            EntryCount = doc.MapCount,
        };
        db.MappingCollections.Add(collection);
        return collection;
    }

    /// <summary>Adds the entries of <paramref name="doc"/> for the saved <paramref name="collectionId"/>.</summary>
    public static void AddEntries(GrundschutzDbContext db, int collectionId, MappingCollectionDocument doc)
    {
        var sequence = 0;
        foreach (var set in doc.Sets)
        {
            var target = Truncate(set.TargetTitle ?? set.TargetHref, 1000);
            foreach (var entry in set.Entries)
            {
                db.MapEntries.Add(new StoredMapEntry
                {
                    MappingCollectionId = collectionId,
                    SetIndex = set.Index,
                    TargetCatalog = target,
                    Sequence = sequence++,
                    SourceId = Truncate(entry.SourceId, 100),
                    SourceRequirementId = Truncate(entry.SourceRequirementId, 100),
                    TargetId = Truncate(entry.TargetId, 100),
                    Relationship = Truncate(entry.Relationship, 50),
                });
            }
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

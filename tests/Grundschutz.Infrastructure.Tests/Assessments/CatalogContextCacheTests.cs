using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Importing;
using Grundschutz.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Grundschutz.Infrastructure.Tests.Assessments;

public sealed class CatalogContextCacheTests
{
    [Fact]
    public async Task RequirementText_IsTheStoredText_KeptPerVersion_NullForAnUnknownRequirement()
    {
        await using var database = await TestDatabase.CreateAsync();
        int versionId;
        await using (var db = database.NewContext())
        {
            var imported = await database.NewImporter(db).ImportAsync(
                [CatalogImportFile.FromPath(SharedFiles.InRepository("catalog/demo-katalog.json"))], null, CancellationToken.None);
            versionId = imported[0].CatalogVersionId;
        }

        var cache = new CatalogContextCache();
        await using (var db = database.NewContext())
        {
            var stored = await db.Requirements.AsNoTracking().SingleAsync(r => r.CatalogVersionId == versionId && r.RequirementId == "TEC.1.1");
            var text = await cache.GetRequirementTextAsync(db, versionId, "TEC.1.1", CancellationToken.None);
            Assert.NotNull(text);
            Assert.Equal(
                (stored.Title, stored.Statement, stored.Guidance, stored.Level, stored.Roles, stored.Documentation),
                (text.Title, text.Statement, text.Guidance, text.Level, text.Roles, text.Documentation));
            Assert.Equal("Regelmäßige Datensicherung", text.Title);
            Assert.Same(text, await cache.GetRequirementTextAsync(db, versionId, "TEC.1.1", CancellationToken.None));
            Assert.Null(await cache.GetRequirementTextAsync(db, versionId, "GIBT.ES.NICHT", CancellationToken.None));
            Assert.Null(await cache.GetRequirementTextAsync(db, versionId + 1, "TEC.1.1", CancellationToken.None));
        }
    }
}

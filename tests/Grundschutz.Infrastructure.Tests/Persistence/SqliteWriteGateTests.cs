using Grundschutz.Domain.Municipalities;
using Grundschutz.Infrastructure.Persistence.Municipalities;
using Grundschutz.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Grundschutz.Infrastructure.Tests.Persistence.TestMunicipalities;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>SaveChanges on SQLite passes the file's write gate: one saving context at a time, queued without a thread.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Save_WhileTheGateIsHeld_WaitsAndWritesOnceItIsFree()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gate = SqliteWriteGate.For(database.FilePath);
        await using var context = database.NewContext();
        context.Municipalities.Add(NewMunicipality("01001000", "Wartestadt"));

        Task<int> save;
        await gate.WaitAsync();
        try
        {
            save = context.SaveChangesAsync();
            // Time enough for an ungated save of one row to finish; a gated one cannot while the gate is held.
            await Task.WhenAny(save, Task.Delay(500));
            Assert.False(save.IsCompleted, "the save wrote while another writer held the gate");
        }
        finally
        {
            gate.Release();
        }

        Assert.Equal(1, await save.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var check = database.NewContext();
        Assert.Equal("Wartestadt", (await check.Municipalities.SingleAsync()).Name);
        Assert.Equal(1, gate.CurrentCount);
    }

    [Fact]
    public async Task Save_InsideTheCallersTransaction_DoesNotWaitForTheGate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gate = SqliteWriteGate.For(database.FilePath);
        await using var context = database.NewContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Municipalities.Add(NewMunicipality("01002000", "Transaktionsdorf"));

        await gate.WaitAsync();
        try
        {
            // The caller's transaction may already hold SQLite's write lock: waiting for the gate here could deadlock.
            Assert.Equal(1, await context.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            gate.Release();
        }

        await transaction.CommitAsync();
        Assert.Equal(1, gate.CurrentCount);
    }

    [Fact]
    public async Task FailedSave_ReleasesTheGate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gate = SqliteWriteGate.For(database.FilePath);
        await using (var first = database.NewContext())
        {
            first.Municipalities.Add(NewMunicipality("01003000", "Erststadt"));
            await first.SaveChangesAsync();
        }

        await using (var duplicate = database.NewContext())
        {
            duplicate.Municipalities.Add(NewMunicipality("01003000", "Doppelstadt"));
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
            duplicate.Municipalities.Add(NewMunicipality("01003000", "Doppelstadt"));
            Assert.Throws<DbUpdateException>(() => duplicate.SaveChanges());
        }

        Assert.Equal(1, gate.CurrentCount);
        await using var next = database.NewContext();
        next.Municipalities.Add(NewMunicipality("01004000", "Nachstadt"));
        Assert.Equal(1, await next.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ConcurrentSaves_AllArrive()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saves = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await using var context = database.NewContext();
            context.Municipalities.Add(NewMunicipality($"0100{5 + i / 10}{i % 10}00".PadRight(8, '0')[..8], $"Stadt {i}"));
            return await context.SaveChangesAsync();
        })).ToList();

        Assert.All(await Task.WhenAll(saves), n => Assert.Equal(1, n));
        await using var check = database.NewContext();
        Assert.Equal(24, await check.Municipalities.CountAsync());
        Assert.Equal(1, SqliteWriteGate.For(database.FilePath).CurrentCount);
    }
}

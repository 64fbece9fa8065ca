using Npgsql;

namespace Grundschutz.Infrastructure.Tests.Persistence;

/// <summary>The app's defaults for a PostgreSQL connection string, and that an operator's own setting wins.</summary>
public sealed class PostgresConnectionStringTests
{
    private const string Base = "Host=db.example;Port=5433;Database=grundschutz;Username=app;Password=geheim;Maximum Pool Size=20";

    [Fact]
    public void LeftOut_AutoPrepareOnAndNoResetOnClose_OtherSettingsKept()
    {
        var result = new NpgsqlConnectionStringBuilder(DependencyInjection.PostgresConnectionString(Base));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
        Assert.Equal(("db.example", 5433, "grundschutz", "app", "geheim", 20), (result.Host, result.Port, result.Database, result.Username, result.Password, result.MaxPoolSize));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("max auto prepare=0;NORESETONCLOSE=false")]
    public void Given_StaysAsGiven(string settings)
    {
        var result = new NpgsqlConnectionStringBuilder(DependencyInjection.PostgresConnectionString($"{Base};{settings}"));

        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }

    [Fact]
    public void OneGiven_OnlyTheOtherDefaulted()
    {
        var result = new NpgsqlConnectionStringBuilder(DependencyInjection.PostgresConnectionString($"{Base};Max Auto Prepare=10"));

        Assert.Equal(10, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
    }
}

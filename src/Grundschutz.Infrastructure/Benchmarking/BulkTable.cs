using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grundschutz.Infrastructure.Benchmarking;

/// <summary>
/// Fast inserts for the seeder: one prepared <c>INSERT</c> per table, built from the EF model (table, columns and each
/// column's provider type mapping, so values are stored exactly as EF Core would store them on SQLite and PostgreSQL),
/// executed once per row inside the caller's transaction – or, where the provider supports batches, queued in the
/// transaction's <see cref="BulkBatch"/> and sent with the rows of the other tables. No change tracking.
/// </summary>
/// <typeparam name="T">A mapped entity type.</typeparam>
internal sealed class BulkTable<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly BulkBatch _batch;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly IProperty[] _properties;
    private readonly DbParameter[] _parameters;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] _converters;

    public BulkTable(DbContext db, DbConnection connection, DbTransaction transaction, BulkBatch batch)
    {
        _batch = batch;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        _properties = [.. entity.GetProperties()];
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _parameters = new DbParameter[_properties.Length];
        _converters = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[_properties.Length];
        _mappings = new RelationalTypeMapping[_properties.Length];
        var columns = new List<string>(_properties.Length);
        for (var i = 0; i < _properties.Length; i++)
        {
            var property = _properties[i];
            columns.Add("\"" + property.GetColumnName(store) + "\"");
            var mapping = _mappings[i] = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            _parameters[i] = mapping.CreateParameter(_command, "@p" + i, null, property.IsNullable);
            _converters[i] = property.GetValueConverter() ?? mapping.Converter;
            _command.Parameters.Add(_parameters[i]);
        }

        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", _properties.Select((_, i) => "@p" + i))})";
    }

    /// <summary>Number of rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Inserts <paramref name="entity"/>; shadow properties (foreign keys, stamps) come from <paramref name="shadow"/>.</summary>
    public void Insert(T entity, IReadOnlyDictionary<string, object?>? shadow = null)
    {
        var queued = _batch.Enabled ? _batch.CreateCommand() : null;
        if (queued is not null)
        {
            queued.CommandText = _command.CommandText;
        }

        for (var i = 0; i < _properties.Length; i++)
        {
            var property = _properties[i];
            var value = property.IsShadowProperty()
                ? shadow?.GetValueOrDefault(property.Name)
                : property.GetGetter().GetClrValue(entity);
            if (value is null && !property.IsNullable && property.ClrType.IsValueType)
            {
                // A shadow counter or stamp the caller did not set (e.g. AnswersRevision) starts at its default.
                value = Activator.CreateInstance(property.ClrType);
            }

            if (value is not null && _converters[i] is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            if (queued is null)
            {
                _parameters[i].Value = value ?? DBNull.Value;
            }
            else
            {
                // A parameter of its own per queued row, configured like the prepared command's.
                var parameter = _mappings[i].CreateParameter(_command, _parameters[i].ParameterName, null, property.IsNullable);
                parameter.Value = value ?? DBNull.Value;
                queued.Parameters.Add(parameter);
            }
        }

        if (queued is null)
        {
            _command.ExecuteNonQuery();
        }
        else
        {
            _batch.Add(queued);
        }

        Rows++;
    }

    public void Dispose() => _command.Dispose();
}

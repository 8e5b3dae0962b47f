using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>One statement per call with positional parameters ($1, $2, …); a null argument is SQL NULL.</summary>
internal static class SqlExtensions
{
    public static async Task<int> ExecuteAsync(this NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object?[] args)
    {
        var command = Command(dataSource, sql, args);
        await using var commandDisposal = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the statements as one batch: one round trip and one implicit transaction (all or nothing). Returns each
    /// statement's affected row count.
    /// </summary>
    public static async Task<int[]> ExecuteBatchAsync(
        this NpgsqlDataSource dataSource, IReadOnlyList<(string Sql, object?[] Args)> statements, CancellationToken cancellationToken)
    {
        var batch = dataSource.CreateBatch();
        await using var batchDisposal = batch.ConfigureAwait(false);
        foreach (var (sql, args) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var arg in args)
                command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var affected = new int[batch.BatchCommands.Count];
        for (var i = 0; i < affected.Length; i++)
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        return affected;
    }

    public static async Task<List<T>> QueryAsync<T>(
        this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] args)
    {
        var command = Command(dataSource, sql, args);
        await using var commandDisposal = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        var result = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            result.Add(map(reader));
        return result;
    }

    public static async Task<T?> QuerySingleAsync<T>(
        this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] args)
        where T : class
    {
        var rows = await dataSource.QueryAsync(sql, map, cancellationToken, args).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? NullableInt32(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateOnly Date(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    private static NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, object?[] args)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        return command;
    }
}

using EarthData.Core.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace EarthData.Storage.Catalog;

/// <content>Scene records and stage leases (<see cref="ISceneRecordStore"/>).</content>
public sealed partial class PostgresCatalogStore
{
    /// <inheritdoc />
    public async Task<SceneRecord?> GetSceneRecordAsync(string sceneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        using var command = _dataSource.CreateCommand(SceneRecordSql.Get);
        command.Parameters.AddWithValue("id", sceneId);
        var rows = await SceneRecordSql.ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<bool> TryInsertSceneRecordAsync(SceneRecord record, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(SceneRecordSql.Insert);
        BindScene(command, record);
        command.Parameters.AddWithValue("created", PostgresCatalogDialect.Microseconds(record.CreatedAt.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryUpdateSceneRecordAsync(SceneRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(SceneRecordSql.Update);
        BindScene(command, record);
        command.Parameters.AddWithValue("expected", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<SceneRecordPage> ListSceneRecordsAsync(SceneRecordQuery query, CancellationToken cancellationToken = default)
    {
        var after = SceneRecordSql.Validate(query);
#pragma warning disable CA2100 // Built from constants; values are parameters.
        using var command = _dataSource.CreateCommand(SceneRecordSql.List(query, after is not null));
#pragma warning restore CA2100
        command.Parameters.AddWithValue("state", NpgsqlDbType.Text, query.State?.ToString() ?? (object)DBNull.Value);
        command.Parameters.AddWithValue("collection", NpgsqlDbType.Text, query.Collection ?? (object)DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        if (after is { } key)
        {
            command.Parameters.AddWithValue("after_created", PostgresCatalogDialect.Microseconds(key.CreatedAt));
            command.Parameters.AddWithValue("after_id", key.SceneId);
        }

        return SceneRecordSql.Page(await SceneRecordSql.ReadAsync(command, cancellationToken).ConfigureAwait(false), query.Limit);
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireSceneLeaseAsync(SceneLease lease, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        using var command = _dataSource.CreateCommand(SceneRecordSql.AcquireLease);
        command.Parameters.AddWithValue("id", lease.SceneId);
        command.Parameters.AddWithValue("stage", SceneStages.QueueName(lease.Stage));
        command.Parameters.AddWithValue("owner", lease.Owner);
        command.Parameters.AddWithValue("expires", PostgresCatalogDialect.Microseconds(lease.ExpiresAt.ToUniversalTime()));
        command.Parameters.AddWithValue("now", PostgresCatalogDialect.Microseconds(now.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseSceneLeaseAsync(string sceneId, SceneStage stage, string owner, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(SceneRecordSql.ReleaseLease);
        command.Parameters.AddWithValue("id", sceneId);
        command.Parameters.AddWithValue("stage", SceneStages.QueueName(stage));
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<SceneLease?> GetSceneLeaseAsync(string sceneId, SceneStage stage, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(SceneRecordSql.GetLease);
        command.Parameters.AddWithValue("id", sceneId);
        command.Parameters.AddWithValue("stage", SceneStages.QueueName(stage));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SceneLease(sceneId, stage, reader.GetString(0), SceneRecordSql.Instant(reader.GetValue(1)))
            : null;
    }

    private static void BindScene(NpgsqlCommand command, SceneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.SceneId);
        command.Parameters.AddWithValue("id", record.SceneId);
        command.Parameters.AddWithValue("state", record.State.ToString());
        command.Parameters.AddWithValue("stage", NpgsqlDbType.Text, (object?)SceneRecordSql.StageName(record.Stage) ?? DBNull.Value);
        command.Parameters.AddWithValue("progress", record.Progress);
        command.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)record.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("retryable", NpgsqlDbType.Boolean, (object?)record.Retryable ?? DBNull.Value);
        command.Parameters.AddWithValue("source", NpgsqlDbType.Text, (object?)record.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("collection", NpgsqlDbType.Text, (object?)record.Collection ?? DBNull.Value);
        command.Parameters.AddWithValue("updated", PostgresCatalogDialect.Microseconds(record.UpdatedAt.ToUniversalTime()));
        command.Parameters.AddWithValue("attempts", record.Attempts);
    }
}

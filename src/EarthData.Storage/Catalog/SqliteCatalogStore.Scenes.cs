using EarthData.Core.Catalog;
using Microsoft.Data.Sqlite;

namespace EarthData.Storage.Catalog;

/// <content>Scene records and stage leases (<see cref="ISceneRecordStore"/>); times are stored as fixed-width UTC text.</content>
public sealed partial class SqliteCatalogStore
{
    /// <inheritdoc />
    public async Task<SceneRecord?> GetSceneRecordAsync(string sceneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.Get);
        command.Parameters.AddWithValue("@id", sceneId);
        var rows = await SceneRecordSql.ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<bool> TryInsertSceneRecordAsync(SceneRecord record, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.Insert);
        BindScene(command, record);
        command.Parameters.AddWithValue("@created", PageToken.FormatDatetime(record.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryUpdateSceneRecordAsync(SceneRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.Update);
        BindScene(command, record);
        command.Parameters.AddWithValue("@expected", expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<SceneRecordPage> ListSceneRecordsAsync(SceneRecordQuery query, CancellationToken cancellationToken = default)
    {
        var after = SceneRecordSql.Validate(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.List(query, after is not null));
        command.Parameters.AddWithValue("@state", query.State?.ToString() ?? (object)DBNull.Value);
        command.Parameters.AddWithValue("@collection", query.Collection ?? (object)DBNull.Value);
        command.Parameters.AddWithValue("@limit", query.Limit + 1);
        if (after is { } key)
        {
            command.Parameters.AddWithValue("@after_created", PageToken.FormatDatetime(key.CreatedAt));
            command.Parameters.AddWithValue("@after_id", key.SceneId);
        }

        return SceneRecordSql.Page(await SceneRecordSql.ReadAsync(command, cancellationToken).ConfigureAwait(false), query.Limit);
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireSceneLeaseAsync(SceneLease lease, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.AcquireLease);
        command.Parameters.AddWithValue("@id", lease.SceneId);
        command.Parameters.AddWithValue("@stage", SceneStages.QueueName(lease.Stage));
        command.Parameters.AddWithValue("@owner", lease.Owner);
        command.Parameters.AddWithValue("@expires", PageToken.FormatDatetime(lease.ExpiresAt));
        command.Parameters.AddWithValue("@now", PageToken.FormatDatetime(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseSceneLeaseAsync(string sceneId, SceneStage stage, string owner, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.ReleaseLease);
        command.Parameters.AddWithValue("@id", sceneId);
        command.Parameters.AddWithValue("@stage", SceneStages.QueueName(stage));
        command.Parameters.AddWithValue("@owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<SceneLease?> GetSceneLeaseAsync(string sceneId, SceneStage stage, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, SceneRecordSql.GetLease);
        command.Parameters.AddWithValue("@id", sceneId);
        command.Parameters.AddWithValue("@stage", SceneStages.QueueName(stage));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SceneLease(sceneId, stage, reader.GetString(0), SceneRecordSql.Instant(reader.GetValue(1)))
            : null;
    }

    private static void BindScene(SqliteCommand command, SceneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.SceneId);
        command.Parameters.AddWithValue("@id", record.SceneId);
        command.Parameters.AddWithValue("@state", record.State.ToString());
        command.Parameters.AddWithValue("@stage", (object?)SceneRecordSql.StageName(record.Stage) ?? DBNull.Value);
        command.Parameters.AddWithValue("@progress", record.Progress);
        command.Parameters.AddWithValue("@reason", (object?)record.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("@retryable", record.Retryable is { } retry ? (retry ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("@source", (object?)record.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("@collection", (object?)record.Collection ?? DBNull.Value);
        command.Parameters.AddWithValue("@updated", PageToken.FormatDatetime(record.UpdatedAt));
        command.Parameters.AddWithValue("@attempts", record.Attempts);
    }
}

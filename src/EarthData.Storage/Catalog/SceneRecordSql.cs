using System.Data.Common;
using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Storage.Catalog;

/// <summary>The scene record and lease statements both catalogue stores run (SQLite and PostgreSQL share the syntax).</summary>
internal static class SceneRecordSql
{
    public const string Columns =
        "scene_id, state, stage, progress, reason, retryable, source, collection, created_at, updated_at, attempts, version";

    public const string Insert =
        "INSERT INTO scene_records (" + Columns + ") VALUES (@id, @state, @stage, @progress, @reason, @retryable, @source, @collection, @created, @updated, @attempts, 1) " +
        "ON CONFLICT (scene_id) DO NOTHING;";

    public const string Update =
        "UPDATE scene_records SET state = @state, stage = @stage, progress = @progress, reason = @reason, retryable = @retryable, " +
        "source = @source, collection = @collection, updated_at = @updated, attempts = @attempts, version = version + 1 " +
        "WHERE scene_id = @id AND version = @expected;";

    public const string Get = "SELECT " + Columns + " FROM scene_records WHERE scene_id = @id;";

    /// <summary>Inserts the lease, or takes it over when the same owner renews it or the holder's lapsed.</summary>
    public const string AcquireLease =
        "INSERT INTO scene_leases (scene_id, stage, owner, expires_at) VALUES (@id, @stage, @owner, @expires) " +
        "ON CONFLICT (scene_id, stage) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at " +
        "WHERE scene_leases.owner = excluded.owner OR scene_leases.expires_at < @now;";

    public const string ReleaseLease = "DELETE FROM scene_leases WHERE scene_id = @id AND stage = @stage AND owner = @owner;";

    public const string GetLease = "SELECT owner, expires_at FROM scene_leases WHERE scene_id = @id AND stage = @stage;";

    /// <summary>The listing statement: filters, keyset position and one row more than the page to know if another follows.</summary>
    public static string List(SceneRecordQuery query, bool after) =>
        "SELECT " + Columns + " FROM scene_records WHERE 1 = 1" +
        (query.State is null ? string.Empty : " AND state = @state") +
        (query.Collection is null ? string.Empty : " AND collection = @collection") +
        (after ? After(query.NewestFirst ? "<" : ">") : string.Empty) +
        (query.NewestFirst ? " ORDER BY created_at DESC, scene_id DESC" : " ORDER BY created_at, scene_id") + " LIMIT @limit;";

    private static string After(string comparison) =>
        $" AND (created_at {comparison} @after_created OR (created_at = @after_created AND scene_id {comparison} @after_id))";

    /// <summary>Checks the limit and decodes the token.</summary>
    public static (DateTime CreatedAt, string SceneId)? Validate(SceneRecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > SceneRecordQuery.MaxLimit)
        {
            throw new InvalidQueryException($"limit: {query.Limit}: use 1-{SceneRecordQuery.MaxLimit}", "limit");
        }

        return query.Token is null ? null : SceneRecordToken.Decode(query.Token);
    }

    /// <summary>The page of <paramref name="rows"/> (fetched with one extra row).</summary>
    public static SceneRecordPage Page(List<SceneRecord> rows, int limit)
    {
        if (rows.Count <= limit)
        {
            return new SceneRecordPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new SceneRecordPage(rows, SceneRecordToken.Encode(rows[^1]));
    }

    public static string? StageName(SceneStage? stage) => stage is { } s ? SceneStages.QueueName(s) : null;

    public static SceneStage? ParseStage(string? text) => SceneStages.Parse(text);

    /// <summary>Reads the rows of a <see cref="Columns"/> query (SQLite returns times as text and booleans as integers).</summary>
    public static async Task<List<SceneRecord>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var records = new List<SceneRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new SceneRecord
            {
                SceneId = reader.GetString(0),
                State = Enum.Parse<SceneState>(reader.GetString(1)),
                Stage = ParseStage(reader.IsDBNull(2) ? null : reader.GetString(2)),
                Progress = reader.GetDouble(3),
                Reason = reader.IsDBNull(4) ? null : reader.GetString(4),
                Retryable = reader.IsDBNull(5) ? null : Convert.ToBoolean(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                Source = reader.IsDBNull(6) ? null : reader.GetString(6),
                Collection = reader.IsDBNull(7) ? null : reader.GetString(7),
                CreatedAt = Instant(reader.GetValue(8)),
                UpdatedAt = Instant(reader.GetValue(9)),
                Attempts = reader.GetInt32(10),
                Version = reader.GetInt64(11),
            });
        }

        return records;
    }

    /// <summary>A UTC instant from a timestamptz (PostgreSQL) or fixed-width text (SQLite) column.</summary>
    public static DateTime Instant(object value) => value is DateTime instant ? instant : StacItem.ParseInstant((string)value);
}

using System.Globalization;
using EarthData.Core.Alerts;
using EarthData.Core.Geometry;
using EarthData.Storage.Catalog;

namespace EarthData.Storage.Alerts;

/// <summary>
/// <see cref="IAlertStore"/> in the catalogue database (SQLite or PostgreSQL, see <see cref="AlertDatabase"/>): state
/// and message are saved in one transaction; a message id is written once (a second save of the same event version,
/// e.g. by a second worker evaluating the same scene, keeps the first); a delivery claim is a primary-key insert, so of
/// any number of concurrent claimants, in any number of processes, exactly one wins; a scene's pending evaluation is a row
/// of its own, naming the job last enqueued for it, open until the evaluation is over. Thread-safe.
/// </summary>
public sealed class SqlAlertStore(AlertDatabase database) : IAlertStore
{
    /// <inheritdoc />
    public async Task<EventState?> GetStateAsync(string areaKey, Hazard hazard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(areaKey);
        var sql = new SqlBuilder();
        var rows = await database.QueryAsync(
            $"SELECT content FROM alert_states WHERE area_key = {sql.Param(areaKey)} AND hazard = {sql.Param(Name(hazard))}", sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : AlertJson.Deserialize<EventState>(rows[0][0]!);
    }

    /// <inheritdoc />
    public async Task SaveAsync(EventState state, AlertMessage? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var upsert = new SqlBuilder();
        List<(string, SqlBuilder)> statements =
        [
            ($"INSERT INTO alert_states (area_key, hazard, content) VALUES ({upsert.Param(state.Footprint)}, {upsert.Param(Name(state.Hazard))}, {upsert.Param(AlertJson.Serialize(state))}) " +
             "ON CONFLICT (area_key, hazard) DO UPDATE SET content = excluded.content", upsert),
        ];
        if (message is not null)
        {
            var insert = new SqlBuilder();
            var points = message.Area.Polygons.SelectMany(p => p[0]).ToList();
            BoundingBox? envelope = points.Count > 0 ? BoundingBox.FromPoints(points) : null;
            statements.Add((
                "INSERT INTO alert_messages (id, hazard, severity, sent, min_lon, min_lat, max_lon, max_lat, content) VALUES (" +
                $"{insert.Param(message.Id)}, {insert.Param(Name(message.Hazard))}, {insert.Param((int)message.Severity)}, {insert.Param(database.Instant(message.Sent))}, " +
                $"{insert.Param(envelope?.MinX)}, {insert.Param(envelope?.MinY)}, {insert.Param(envelope?.MaxX)}, {insert.Param(envelope?.MaxY)}, " +
                $"{insert.Param(AlertJson.Serialize(message))}) ON CONFLICT (id) DO NOTHING", insert));
        }

        await database.ExecuteAsync(statements, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AlertMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sql = new SqlBuilder();
        var rows = await database.QueryAsync($"SELECT content FROM alert_messages WHERE id = {sql.Param(id)}", sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : AlertJson.Deserialize<AlertMessage>(rows[0][0]!);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertMessage>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        var sql = new SqlBuilder();
        var where = new List<string>();
        if (query.Hazard is { } hazard)
        {
            where.Add($"hazard = {sql.Param(Name(hazard))}");
        }

        if (query.MinSeverity is { } severity)
        {
            where.Add($"severity >= {sql.Param((int)severity)}");
        }

        if (query.From is { } from)
        {
            where.Add($"sent >= {sql.Param(database.Instant(from))}");
        }

        if (query.To is { } to)
        {
            where.Add($"sent <= {sql.Param(database.Instant(to))}");
        }

        if (query.BoundingBox is { } box)
        {
            // The same test as BoundingBox.Intersects on the envelope of the exterior rings; no envelope, no match.
            where.Add($"min_lon <= {sql.Param(box.MaxX)} AND {sql.Param(box.MinX)} <= max_lon AND min_lat <= {sql.Param(box.MaxY)} AND {sql.Param(box.MinY)} <= max_lat");
        }

        var text = "SELECT content FROM alert_messages" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + $" ORDER BY sent DESC, id LIMIT {sql.Param(query.Limit)}";
        var rows = await database.QueryAsync(text, sql, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => AlertJson.Deserialize<AlertMessage>(r[0]!))];
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimDeliveryAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.WebhookId);
        var sql = new SqlBuilder();
        return await database.ExecuteAsync(
            "INSERT INTO alert_deliveries (webhook_id, subscription_id, alert_id, claimed_at) VALUES " +
            $"({sql.Param(claim.WebhookId)}, {sql.Param(claim.SubscriptionId)}, {sql.Param(claim.AlertId)}, {sql.Param(database.Instant(DateTimeOffset.UtcNow))}) " +
            "ON CONFLICT (webhook_id) DO NOTHING",
            sql, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var sql = new SqlBuilder();
        await database.ExecuteAsync($"DELETE FROM alert_deliveries WHERE webhook_id = {sql.Param(webhookId)} AND done_at IS NULL", sql, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CompleteDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var sql = new SqlBuilder();
        await database.ExecuteAsync(
            $"UPDATE alert_deliveries SET done_at = {sql.Param(database.Instant(DateTimeOffset.UtcNow))} WHERE webhook_id = {sql.Param(webhookId)} AND done_at IS NULL",
            sql, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookClaim>> ListPendingDeliveriesAsync(CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT webhook_id, subscription_id, alert_id FROM alert_deliveries WHERE done_at IS NULL ORDER BY claimed_at, webhook_id", new SqlBuilder(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new WebhookClaim(r[0]!, r[1]!, r[2]!))];
    }

    /// <inheritdoc />
    public async Task MarkEvaluationPendingAsync(string sceneId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sceneId);
        var sql = new SqlBuilder();
        await database.ExecuteAsync(
            $"INSERT INTO alert_evaluations (scene_id, requested_at) VALUES ({sql.Param(sceneId)}, {sql.Param(database.Instant(DateTimeOffset.UtcNow))}) " +
            "ON CONFLICT (scene_id) DO UPDATE SET requested_at = excluded.requested_at, done_at = NULL, job_id = NULL",
            sql, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AssignEvaluationJobAsync(string sceneId, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var sql = new SqlBuilder();
        await database.ExecuteAsync(
            $"UPDATE alert_evaluations SET job_id = {sql.Param(jobId)} WHERE scene_id = {sql.Param(sceneId)} AND done_at IS NULL", sql, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CompleteEvaluationAsync(string sceneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sceneId);
        var sql = new SqlBuilder();
        await database.ExecuteAsync(
            $"UPDATE alert_evaluations SET done_at = {sql.Param(database.Instant(DateTimeOffset.UtcNow))} WHERE scene_id = {sql.Param(sceneId)} AND done_at IS NULL",
            sql, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingEvaluation>> ListPendingEvaluationsAsync(DateTimeOffset markedBefore, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        var rows = await database.QueryAsync(
            $"SELECT scene_id, job_id FROM alert_evaluations WHERE done_at IS NULL AND requested_at < {sql.Param(database.Instant(markedBefore))} ORDER BY requested_at, scene_id",
            sql, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PendingEvaluation(r[0]!, r[1]))];
    }

    private static string Name(Hazard hazard) => hazard.ToString().ToLower(CultureInfo.InvariantCulture);
}

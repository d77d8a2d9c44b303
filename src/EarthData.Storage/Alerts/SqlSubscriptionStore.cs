using EarthData.Core.Alerts;
using EarthData.Storage.Catalog;

namespace EarthData.Storage.Alerts;

/// <summary>
/// <see cref="ISubscriptionStore"/> in the catalogue database (SQLite or PostgreSQL, see <see cref="AlertDatabase"/>).
/// The webhook's disabled reason is a column of its own, so disabling never rewrites (and never races with) the rest.
/// Thread-safe.
/// </summary>
public sealed class SqlSubscriptionStore(AlertDatabase database) : ISubscriptionStore
{
    private const string Select = "SELECT content, webhook_disabled FROM subscriptions";

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A subscription with the same id exists.</exception>
    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var sql = new SqlBuilder();
        var text = $"INSERT INTO subscriptions (id, webhook_disabled, content) VALUES ({sql.Param(subscription.Id)}, {sql.Param(subscription.WebhookDisabled)}, " +
            $"{sql.Param(AlertJson.Serialize(subscription with { WebhookDisabled = null }))}) ON CONFLICT (id) DO NOTHING";
        if (await database.ExecuteAsync(text, sql, cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"subscription '{subscription.Id}' exists");
        }
    }

    /// <inheritdoc />
    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sql = new SqlBuilder();
        var rows = await database.QueryAsync($"{Select} WHERE id = {sql.Param(id)}", sql, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Read(rows[0]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync($"{Select} ORDER BY pk", new SqlBuilder(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Read)];
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sql = new SqlBuilder();
        return await database.ExecuteAsync($"DELETE FROM subscriptions WHERE id = {sql.Param(id)}", sql, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task DisableWebhookAsync(string id, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var sql = new SqlBuilder();
        await database.ExecuteAsync($"UPDATE subscriptions SET webhook_disabled = {sql.Param(reason)} WHERE id = {sql.Param(id)}", sql, cancellationToken).ConfigureAwait(false);
    }

    private static Subscription Read(string?[] row) => AlertJson.Deserialize<Subscription>(row[0]!) with { WebhookDisabled = row[1] };
}

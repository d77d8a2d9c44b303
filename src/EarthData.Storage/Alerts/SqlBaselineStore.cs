using EarthData.Core.Alerts;
using EarthData.Core.Storage;
using EarthData.Storage.Catalog;

namespace EarthData.Storage.Alerts;

/// <summary>
/// <see cref="IBaselineStore"/> over the object store (COGs) and the catalogue database (records, see
/// <see cref="AlertDatabase"/>). The COG goes first, create-only, under a key derived from the inputs
/// (<c>baselines/{collection}/{path}/{row}/{kind}-{inputs key}.tif</c>), so a retry after a crash rewrites nothing;
/// the record is the commit point. Its version is the footprint and kind's highest plus one, taken by an insert that
/// the table's unique keys make fail for a concurrent writer, which then reads the winner (same inputs) or takes the
/// next number (other inputs). Thread-safe, and safe across processes sharing the catalogue.
/// </summary>
public sealed class SqlBaselineStore(AlertDatabase database, IObjectStore objects, TimeProvider? clock = null) : IBaselineStore
{
    private const string Select = "SELECT content FROM baselines";
    private const int MaxAttempts = 16;

    /// <summary>The object key of the COG of <paramref name="inputs"/>.</summary>
    public static string CogKey(BaselineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return $"baselines/{inputs.Footprint}/{inputs.Kind}-{inputs.Key[..16]}.tif";
    }

    /// <inheritdoc />
    public async Task<BaselineRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sql = new SqlBuilder();
        return First(await database.QueryAsync($"{Select} WHERE id = {sql.Param(id)}", sql, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<BaselineRecord?> FindAsync(BaselineInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sql = new SqlBuilder();
        var text = $"{Select} WHERE footprint = {sql.Param(inputs.Footprint.ToString())} AND kind = {sql.Param(inputs.Kind)} AND inputs_key = {sql.Param(inputs.Key)}";
        return First(await database.QueryAsync(text, sql, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<BaselineRecord> SaveAsync(BaselineInputs inputs, ReadOnlyMemory<byte> cog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (cog.IsEmpty)
        {
            throw new ArgumentException("the baseline COG is empty", nameof(cog));
        }

        if (await FindAsync(inputs, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var cogKey = CogKey(inputs);
        try
        {
            await objects.PutAsync(cogKey, cog, new ObjectPutOptions
            {
                ContentType = "image/tiff; application=geotiff; profile=cloud-optimized", OverwriteMode = OverwriteMode.CreateOnly,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // An earlier run (crashed before its record) or a concurrent one wrote the COG of the same inputs.
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var record = Record(inputs, cogKey, await NextVersionAsync(inputs, cancellationToken).ConfigureAwait(false));
            if (await TryInsertAsync(record, inputs, cancellationToken).ConfigureAwait(false))
            {
                return record;
            }

            if (await FindAsync(inputs, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                return winner;
            }
        }

        throw new InvalidOperationException($"baseline {inputs.Kind} of {inputs.Footprint}: no version number free after {MaxAttempts} attempts");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BaselineRecord>> ListAsync(BaselineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, BaselineQuery.MaxLimit);
        var sql = new SqlBuilder();
        var where = new List<string>();
        if (query.Footprint is { } footprint)
        {
            where.Add($"footprint = {sql.Param(footprint.ToString())}");
        }

        if (query.Kind is { } kind)
        {
            where.Add($"kind = {sql.Param(kind)}");
        }

        var text = Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + $" ORDER BY footprint, kind, version DESC LIMIT {sql.Param(query.Limit)}";
        var rows = await database.QueryAsync(text, sql, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => AlertJson.Deserialize<BaselineRecord>(r[0]!))];
    }

    private BaselineRecord Record(BaselineInputs inputs, string cogKey, int version)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return new BaselineRecord
        {
            Id = BaselineRecord.IdOf(inputs.Kind, inputs.Footprint, version),
            Kind = inputs.Kind,
            Footprint = inputs.Footprint.ToString(),
            Version = version,
            Scenes = [.. inputs.Scenes.Select(s => s.ToString())],
            FirstAcquired = inputs.Scenes[0].AcquisitionDate,
            LastAcquired = inputs.Scenes[^1].AcquisitionDate,
            Season = inputs.Season,
            CogKey = cogKey,
            InputsKey = inputs.Key,
            Created = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
        };
    }

    private async Task<int> NextVersionAsync(BaselineInputs inputs, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        var rows = await database.QueryAsync(
            $"SELECT CAST(COALESCE(MAX(version), 0) AS TEXT) FROM baselines WHERE footprint = {sql.Param(inputs.Footprint.ToString())} AND kind = {sql.Param(inputs.Kind)}",
            sql, cancellationToken).ConfigureAwait(false);
        return int.Parse(rows[0][0]!, System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    // ON CONFLICT without a target: the id, (footprint, kind, version) and (footprint, kind, inputs) keys all turn a
    // concurrent writer's insert into "nothing inserted".
    private async Task<bool> TryInsertAsync(BaselineRecord record, BaselineInputs inputs, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        var text = "INSERT INTO baselines (id, footprint, collection, grid_path, grid_row, kind, version, inputs_key, cog_key, scene_count, " +
            "first_acquired, last_acquired, season_day, season_half_width, created, content) VALUES (" +
            $"{sql.Param(record.Id)}, {sql.Param(record.Footprint)}, {sql.Param(inputs.Footprint.Collection)}, {sql.Param(inputs.Footprint.Path)}, " +
            $"{sql.Param(inputs.Footprint.Row)}, {sql.Param(record.Kind)}, {sql.Param(record.Version)}, {sql.Param(record.InputsKey)}, {sql.Param(record.CogKey)}, " +
            $"{sql.Param(record.Scenes.Count)}, {sql.Param(record.FirstAcquired)}, {sql.Param(record.LastAcquired)}, {sql.Param(record.Season?.Center)}, " +
            $"{sql.Param(record.Season?.HalfWidthDays)}, {sql.Param(database.Instant(record.Created))}, {sql.Param(AlertJson.Serialize(record))}) ON CONFLICT DO NOTHING";
        return await database.ExecuteAsync(text, sql, cancellationToken).ConfigureAwait(false) == 1;
    }

    private static BaselineRecord? First(List<string?[]> rows) => rows.Count == 0 ? null : AlertJson.Deserialize<BaselineRecord>(rows[0][0]!);
}

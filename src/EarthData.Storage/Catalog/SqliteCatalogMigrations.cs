namespace EarthData.Storage.Catalog;

/// <summary>The versioned SQLite schema; version n is applied once and recorded in <c>schema_version</c>.</summary>
internal static class SqliteCatalogMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE collections (id TEXT PRIMARY KEY, content TEXT NOT NULL);
        CREATE TABLE items (
            pk INTEGER PRIMARY KEY,
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            datetime TEXT NOT NULL,
            content TEXT NOT NULL,
            UNIQUE (collection, id));
        CREATE INDEX items_datetime ON items (datetime, collection, id);
        CREATE INDEX items_collection_datetime ON items (collection, datetime, id);
        CREATE INDEX items_id ON items (id);
        CREATE VIRTUAL TABLE items_rtree USING rtree (id, minx, maxx, miny, maxy);
        CREATE TABLE scene_records (
            scene_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            stage TEXT,
            reason TEXT,
            retryable INTEGER,
            updated_at TEXT NOT NULL,
            attempts INTEGER NOT NULL);
        CREATE INDEX scene_records_state ON scene_records (state, updated_at);
        """,
        // v2: the default sort is datetime DESC, collection ASC, id ASC; an index in exactly that order lets a search
        // read its first page in index order and stop, instead of filtering and sorting the whole table (mixed
        // directions cannot use the ascending indexes of v1).
        """
        CREATE INDEX items_datetime_desc ON items (datetime DESC, collection, id);
        CREATE INDEX items_collection_datetime_desc ON items (collection, datetime DESC, id);
        """,
        // v3: scene records carry a compare-and-swap version, their source, collection, progress and creation time
        // (the listing order); a lease per scene and stage keeps two workers from running one stage of one scene.
        """
        ALTER TABLE scene_records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE scene_records ADD COLUMN source TEXT;
        ALTER TABLE scene_records ADD COLUMN collection TEXT;
        ALTER TABLE scene_records ADD COLUMN progress REAL NOT NULL DEFAULT 0;
        ALTER TABLE scene_records ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
        UPDATE scene_records SET created_at = updated_at, stage = lower(stage);
        CREATE INDEX scene_records_created ON scene_records (created_at, scene_id);
        CREATE INDEX scene_records_state_created ON scene_records (state, created_at, scene_id);
        CREATE INDEX scene_records_collection_created ON scene_records (collection, created_at, scene_id);
        CREATE TABLE scene_leases (
            scene_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            owner TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            PRIMARY KEY (scene_id, stage));
        """,
        // v4: alerts (EarthData.Storage.Alerts): the event state per area and hazard, the messages issued (envelope and
        // filter columns beside the JSON), one row per webhook message claimed, open until its delivery is over (the primary key makes a second claim
        // fail, whoever makes it), and subscriptions in insertion order.
        """
        CREATE TABLE alert_states (
            area_key TEXT NOT NULL,
            hazard TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (area_key, hazard));
        CREATE TABLE alert_messages (
            id TEXT PRIMARY KEY,
            hazard TEXT NOT NULL,
            severity INTEGER NOT NULL,
            sent TEXT NOT NULL,
            min_lon REAL,
            min_lat REAL,
            max_lon REAL,
            max_lat REAL,
            content TEXT NOT NULL);
        CREATE INDEX alert_messages_sent ON alert_messages (sent DESC, id);
        CREATE TABLE alert_deliveries (
            webhook_id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            done_at TEXT);
        CREATE INDEX alert_deliveries_pending ON alert_deliveries (claimed_at, webhook_id) WHERE done_at IS NULL;
        CREATE TABLE subscriptions (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            webhook_disabled TEXT,
            content TEXT NOT NULL);
        """,
        // v5: baselines (EarthData.Storage.Alerts.SqlBaselineStore): one row per stored version, the commit point of
        // its COG; numbered per footprint and kind; the same inputs (kind, footprint, season, scenes: their SHA-256)
        // are never a second version. And one row per scene whose alert evaluation is pending (done_at null) or
        // over: written before the publish commits, so a restart that lost its job queue re-enqueues what is open.
        """
        CREATE TABLE baselines (
            id TEXT PRIMARY KEY,
            footprint TEXT NOT NULL,
            collection TEXT NOT NULL,
            grid_path INTEGER NOT NULL,
            grid_row INTEGER NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            inputs_key TEXT NOT NULL,
            cog_key TEXT NOT NULL,
            scene_count INTEGER NOT NULL,
            first_acquired TEXT NOT NULL,
            last_acquired TEXT NOT NULL,
            season_day INTEGER,
            season_half_width INTEGER,
            created TEXT NOT NULL,
            content TEXT NOT NULL,
            UNIQUE (footprint, kind, version),
            UNIQUE (footprint, kind, inputs_key));
        CREATE TABLE alert_evaluations (
            scene_id TEXT PRIMARY KEY,
            requested_at TEXT NOT NULL,
            done_at TEXT);
        CREATE INDEX alert_evaluations_pending ON alert_evaluations (requested_at, scene_id) WHERE done_at IS NULL;
        """,
        // v6: a pending evaluation names the job last enqueued for it, so the periodic sweep re-enqueues only the
        // evaluations no live job carries (the job system's recovery sweep reads it).
        """
        ALTER TABLE alert_evaluations ADD COLUMN job_id TEXT;
        """,
    ];
}

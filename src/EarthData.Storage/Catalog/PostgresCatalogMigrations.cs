namespace EarthData.Storage.Catalog;

/// <summary>The versioned PostgreSQL schema (no PostGIS: bboxes use the built-in <c>box</c> type with a GiST index).</summary>
internal static class PostgresCatalogMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE collections (id text COLLATE "C" PRIMARY KEY, content jsonb NOT NULL);
        CREATE TABLE items (
            collection text COLLATE "C" NOT NULL,
            id text COLLATE "C" NOT NULL,
            datetime timestamptz NOT NULL,
            bbox box NOT NULL,
            content jsonb NOT NULL,
            PRIMARY KEY (collection, id));
        CREATE INDEX items_bbox ON items USING gist (bbox);
        CREATE INDEX items_collection_datetime ON items (collection, datetime, id);
        CREATE INDEX items_datetime ON items (datetime, collection, id);
        CREATE INDEX items_id ON items (id);
        CREATE TABLE scene_records (
            scene_id text COLLATE "C" PRIMARY KEY,
            state text NOT NULL,
            stage text,
            reason text,
            retryable boolean,
            updated_at timestamptz NOT NULL,
            attempts integer NOT NULL);
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
        ALTER TABLE scene_records ADD COLUMN version bigint NOT NULL DEFAULT 1;
        ALTER TABLE scene_records ADD COLUMN source text;
        ALTER TABLE scene_records ADD COLUMN collection text COLLATE "C";
        ALTER TABLE scene_records ADD COLUMN progress double precision NOT NULL DEFAULT 0;
        ALTER TABLE scene_records ADD COLUMN created_at timestamptz;
        UPDATE scene_records SET created_at = updated_at, stage = lower(stage);
        ALTER TABLE scene_records ALTER COLUMN created_at SET NOT NULL;
        CREATE INDEX scene_records_created ON scene_records (created_at, scene_id);
        CREATE INDEX scene_records_state_created ON scene_records (state, created_at, scene_id);
        CREATE INDEX scene_records_collection_created ON scene_records (collection, created_at, scene_id);
        CREATE TABLE scene_leases (
            scene_id text COLLATE "C" NOT NULL,
            stage text NOT NULL,
            owner text NOT NULL,
            expires_at timestamptz NOT NULL,
            PRIMARY KEY (scene_id, stage));
        """,
        // v4: alerts (EarthData.Storage.Alerts): the event state per area and hazard, the messages issued (envelope and
        // filter columns beside the JSON, kept as text: it is read whole), one row per webhook message claimed, open until its delivery is over (the
        // primary key makes a second claim fail, whoever makes it), and subscriptions in insertion order.
        """
        CREATE TABLE alert_states (
            area_key text COLLATE "C" NOT NULL,
            hazard text NOT NULL,
            content text NOT NULL,
            PRIMARY KEY (area_key, hazard));
        CREATE TABLE alert_messages (
            id text COLLATE "C" PRIMARY KEY,
            hazard text NOT NULL,
            severity integer NOT NULL,
            sent timestamptz NOT NULL,
            min_lon double precision,
            min_lat double precision,
            max_lon double precision,
            max_lat double precision,
            content text NOT NULL);
        CREATE INDEX alert_messages_sent ON alert_messages (sent DESC, id);
        CREATE TABLE alert_deliveries (
            webhook_id text COLLATE "C" PRIMARY KEY,
            subscription_id text NOT NULL,
            alert_id text NOT NULL,
            claimed_at timestamptz NOT NULL,
            done_at timestamptz);
        CREATE INDEX alert_deliveries_pending ON alert_deliveries (claimed_at, webhook_id) WHERE done_at IS NULL;
        CREATE TABLE subscriptions (
            pk bigserial PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            webhook_disabled text,
            content text NOT NULL);
        """,
        // v5: baselines (EarthData.Storage.Alerts.SqlBaselineStore): one row per stored version, the commit point of
        // its COG; numbered per footprint and kind; the same inputs (kind, footprint, season, scenes: their SHA-256)
        // are never a second version. And one row per scene whose alert evaluation is pending (done_at null) or
        // over: written before the publish commits, so a restart that lost its job queue re-enqueues what is open.
        """
        CREATE TABLE baselines (
            id text COLLATE "C" PRIMARY KEY,
            footprint text COLLATE "C" NOT NULL,
            collection text NOT NULL,
            grid_path integer NOT NULL,
            grid_row integer NOT NULL,
            kind text NOT NULL,
            version integer NOT NULL,
            inputs_key text NOT NULL,
            cog_key text NOT NULL,
            scene_count integer NOT NULL,
            first_acquired date NOT NULL,
            last_acquired date NOT NULL,
            season_day integer,
            season_half_width integer,
            created timestamptz NOT NULL,
            content text NOT NULL,
            UNIQUE (footprint, kind, version),
            UNIQUE (footprint, kind, inputs_key));
        CREATE TABLE alert_evaluations (
            scene_id text COLLATE "C" PRIMARY KEY,
            requested_at timestamptz NOT NULL,
            done_at timestamptz);
        CREATE INDEX alert_evaluations_pending ON alert_evaluations (requested_at, scene_id) WHERE done_at IS NULL;
        """,
        // v6: a pending evaluation names the job last enqueued for it, so the periodic sweep re-enqueues only the
        // evaluations no live job carries (the job system's recovery sweep reads it).
        """
        ALTER TABLE alert_evaluations ADD COLUMN job_id text;
        """,
    ];
}

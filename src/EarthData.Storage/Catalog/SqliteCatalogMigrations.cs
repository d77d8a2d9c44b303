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
    ];
}

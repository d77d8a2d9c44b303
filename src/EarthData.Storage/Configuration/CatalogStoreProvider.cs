namespace EarthData.Storage.Configuration;

/// <summary>Which database holds the catalogue (collections, items, scene records).</summary>
public enum CatalogStoreProvider
{
    /// <summary>A SQLite file (the embedded default: <c>{data}/catalog.db</c>).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (scale-out).</summary>
    Postgres,
}

namespace EarthData.Storage.Configuration;

/// <summary>Catalogue settings: configuration section <c>EarthData:Catalog</c> (env <c>EarthData__Catalog__…</c>).</summary>
public sealed class CatalogStoreSettings
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public CatalogStoreProvider Provider { get; set; } = CatalogStoreProvider.Sqlite;

    /// <summary>SQLite file (default <c>{data}/catalog.db</c>) or the PostgreSQL connection string.</summary>
    public string? ConnectionString { get; set; }
}

namespace EarthData.Storage.Configuration;

/// <summary>
/// Storage configuration: sections <c>EarthData:Objects</c> and <c>EarthData:Catalog</c>. The defaults keep everything
/// under the data directory (SQLite file, filesystem store).
/// </summary>
public sealed class StorageSettings
{
    /// <summary>Where published objects go.</summary>
    public ObjectStoreSettings Objects { get; set; } = new();

    /// <summary>Which database holds the catalogue.</summary>
    public CatalogStoreSettings Catalog { get; set; } = new();

    /// <summary>Every problem with the settings, one readable line each; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Objects.Provider == ObjectStoreProvider.AzureBlob)
        {
            if (string.IsNullOrWhiteSpace(Objects.ConnectionString) && Objects.AccountUrl is null)
            {
                problems.Add("EarthData:Objects:ConnectionString or EarthData:Objects:AccountUrl is required when EarthData:Objects:Provider is AzureBlob");
            }

            if (string.IsNullOrWhiteSpace(Objects.Container))
            {
                problems.Add("EarthData:Objects:Container must name a blob container");
            }
        }

        if (Catalog.Provider == CatalogStoreProvider.Postgres && string.IsNullOrWhiteSpace(Catalog.ConnectionString))
        {
            problems.Add("EarthData:Catalog:ConnectionString is required when EarthData:Catalog:Provider is Postgres");
        }

        return problems;
    }
}

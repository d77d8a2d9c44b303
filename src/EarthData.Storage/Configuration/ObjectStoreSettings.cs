namespace EarthData.Storage.Configuration;

/// <summary>Object store settings: configuration section <c>EarthData:Objects</c> (env <c>EarthData__Objects__…</c>).</summary>
public sealed class ObjectStoreSettings
{
    /// <summary><c>FileSystem</c> (default) or <c>AzureBlob</c>.</summary>
    public ObjectStoreProvider Provider { get; set; } = ObjectStoreProvider.FileSystem;

    /// <summary>Filesystem root; default <c>{data}/objects</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>Azure Blob connection string (or use <see cref="AccountUrl"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Azure Blob account URL, authenticated by a SAS in the URL.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>Azure Blob container (default <c>earthdata</c>).</summary>
    public string Container { get; set; } = "earthdata";
}

namespace EarthData.Storage.Configuration;

/// <summary>Where published objects (COGs, tiles, STAC JSON) go.</summary>
public enum ObjectStoreProvider
{
    /// <summary>A directory (the embedded default: <c>{data}/objects</c>).</summary>
    FileSystem,

    /// <summary>An Azure Blob Storage container.</summary>
    AzureBlob,
}

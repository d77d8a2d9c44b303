namespace EarthData.Core.Catalog;

/// <summary>
/// One stage of the ingestion pipeline. Each runs as its own job on the queue named by <see cref="SceneStages.QueueName"/>
/// (<c>ingest</c>, <c>process</c>, <c>tile</c>, <c>publish</c>) and leases the scene for that stage while it runs.
/// </summary>
public enum SceneStage
{
    /// <summary>Fetch the bands and INPE XML from the source into the object store, verify them, parse the metadata.</summary>
    Ingest,

    /// <summary>Warp the bands into the Web Mercator COG and thumbnail, written to the object store.</summary>
    Process,

    /// <summary>Render the tile pyramids of every layer into the object store.</summary>
    Tile,

    /// <summary>Write the STAC item (the commit point) and the static catalogue.</summary>
    Publish,
}

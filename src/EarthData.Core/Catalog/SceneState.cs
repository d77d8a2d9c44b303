namespace EarthData.Core.Catalog;

/// <summary>Where a scene is in the ingestion pipeline.</summary>
public enum SceneState
{
    /// <summary>Accepted, waiting for ingestion.</summary>
    Queued,

    /// <summary>Bands and metadata are being fetched and verified.</summary>
    Ingesting,

    /// <summary>COGs and indices are being produced.</summary>
    Processing,

    /// <summary>Tile pyramids are being rendered.</summary>
    Tiling,

    /// <summary>Objects and the STAC item are being published.</summary>
    Publishing,

    /// <summary>The STAC item is visible.</summary>
    Published,

    /// <summary>A stage failed (see stage, reason, retryable).</summary>
    Failed,

    /// <summary>The input is invalid and will not be retried.</summary>
    Rejected,
}

namespace EarthData.Core.Storage;

/// <summary>HTTP metadata and overwrite behaviour of one put. Every put sets all of it: nothing is inherited from a previous version.</summary>
public sealed record ObjectPutOptions
{
    /// <summary>The media type served with the object when none is given.</summary>
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>Octet-stream content, no cache control, overwrite allowed.</summary>
    public static ObjectPutOptions Default { get; } = new();

    /// <summary>Media type served with the object (e.g. <c>image/png</c>, <c>image/tiff; application=geotiff; profile=cloud-optimized</c>).</summary>
    public string ContentType { get; init; } = DefaultContentType;

    /// <summary>Value of the <c>Cache-Control</c> header served with the object, or <see langword="null"/> for none.</summary>
    public string? CacheControl { get; init; }

    /// <summary>What to do when the key already holds an object.</summary>
    public OverwriteMode OverwriteMode { get; init; } = OverwriteMode.Overwrite;
}

namespace EarthData.Gdal.Tests.Child;

/// <summary>The ways the binding builds a dataset that reads through another open dataset.</summary>
internal static class DerivedDatasets
{
    /// <summary>Every kind <see cref="Derive"/> knows.</summary>
    public static readonly string[] Kinds = ["translate-vrt", "warp-vrt", "buildvrt", "createcopy-vrt"];

    /// <summary>A virtual dataset over <paramref name="source"/> (a georeferenced Float32 raster).</summary>
    public static GdalDataset Derive(string kind, GdalDataset source) => kind switch
    {
        "translate-vrt" => GdalUtilities.Translate(string.Empty, source, ["-of", "VRT", "-srcwin", "2", "2", "40", "30"]),
        "warp-vrt" => GdalUtilities.Warp(string.Empty, [source], ["-of", "VRT", "-t_srs", "EPSG:4326"]),
        "buildvrt" => GdalUtilities.BuildVrt(string.Empty, [source], []),
        "createcopy-vrt" => GdalDataset.CreateCopy("VRT", string.Empty, source),
        _ => throw new ArgumentException($"Unknown derived dataset kind '{kind}'.", nameof(kind)),
    };

    /// <summary>Band 1 in full, as float.</summary>
    public static float[] ReadAll(GdalDataset dataset)
    {
        var values = new float[dataset.Width * dataset.Height];
        dataset.GetBand(1).Read(0, 0, dataset.Width, dataset.Height, (Span<float>)values);
        return values;
    }
}

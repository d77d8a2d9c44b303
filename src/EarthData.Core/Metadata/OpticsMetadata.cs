using EarthData.Core.Scenes;

namespace EarthData.Core.Metadata;

/// <summary>
/// The metadata INPE gives for one camera head: the whole file for single-optics cameras, or one of the
/// <c>leftCamera</c>/<c>rightCamera</c> blocks of CBERS-4A WFI. Angles in degrees, distances in metres, times UTC.
/// </summary>
public sealed record OpticsMetadata
{
    /// <summary>Which head this block describes (<see cref="Scenes.Optics.None"/> for single-optics files).</summary>
    public required Optics Optics { get; init; }

    /// <summary><c>satellite/name</c>, e.g. <c>CBERS</c>.</summary>
    public required string SatelliteName { get; init; }

    /// <summary><c>satellite/number</c>, e.g. <c>4</c> or <c>4A</c>.</summary>
    public required string SatelliteNumber { get; init; }

    /// <summary><c>satellite/instrument</c>, e.g. <c>MUX</c>.</summary>
    public required string Instrument { get; init; }

    /// <summary><c>availableBands/band</c>: the bands of the product.</summary>
    public required IReadOnlyList<int> AvailableBands { get; init; }

    /// <summary><c>viewing</c>: acquisition begin/centre/end. The centre is the STAC datetime.</summary>
    public required AcquisitionWindow Viewing { get; init; }

    /// <summary><c>image/timeStamp</c>: image line times, when present.</summary>
    public AcquisitionWindow? ImageTimeStamp { get; init; }

    /// <summary><c>image/level</c> as written (e.g. <c>2</c>, <c>4</c>).</summary>
    public required string Level { get; init; }

    /// <summary><c>image/columns</c>: raster width, pixels.</summary>
    public required int Columns { get; init; }

    /// <summary><c>image/lines</c>: raster height, pixels.</summary>
    public required int Lines { get; init; }

    /// <summary><c>image/horizontalPixelSize</c>, metres.</summary>
    public required double HorizontalPixelSize { get; init; }

    /// <summary><c>image/verticalPixelSize</c>, metres.</summary>
    public required double VerticalPixelSize { get; init; }

    /// <summary><c>image/orbitDirection</c> (<c>Descending</c> or <c>Ascending</c>), when present.</summary>
    public string? OrbitDirection { get; init; }

    /// <summary><c>image/path</c>.</summary>
    public required int Path { get; init; }

    /// <summary><c>image/row</c>.</summary>
    public required int Row { get; init; }

    /// <summary><c>image/sunPosition/elevation</c>, degrees above the horizon.</summary>
    public required double SunElevation { get; init; }

    /// <summary><c>image/sunPosition/sunAzimuth</c>, degrees clockwise from north.</summary>
    public required double SunAzimuth { get; init; }

    /// <summary>Roll of the first <c>image/attitudes/attitude</c> record as written, when present.</summary>
    public double? Roll { get; init; }

    /// <summary><c>image/boundingBox</c>: the corners of the raster grid.</summary>
    public required CornerSet BoundingBox { get; init; }

    /// <summary><c>image/imageData</c>: the corners of the valid-data footprint.</summary>
    public required CornerSet ImageData { get; init; }

    /// <summary>The UTM projection of the raster.</summary>
    public required UtmProjection Projection { get; init; }

    /// <summary>
    /// <c>image/absoluteCalibrationCoefficient/band</c> by band number (radiance = DN × coefficient);
    /// empty where INPE gives none (PAN, WPM 2020).
    /// </summary>
    public required IReadOnlyDictionary<int, double> AbsoluteCalibrationCoefficients { get; init; }

    /// <summary>Text of the <c>image/band{n}</c> element (INPE's path of the band GeoTIFF), when present.</summary>
    public string? BandFilePath { get; init; }
}

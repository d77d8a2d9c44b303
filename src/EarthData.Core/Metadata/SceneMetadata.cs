using EarthData.Core.Geometry;
using EarthData.Core.Scenes;

namespace EarthData.Core.Metadata;

/// <summary>
/// Scene-level metadata derived from the INPE per-band files of one scene: what a STAC item needs.
/// Derivations follow the public CBERS-on-AWS catalogue so items stay comparable with it:
/// <list type="bullet">
/// <item><see cref="Datetime"/> is <c>viewing/center</c> truncated to whole seconds (UTC).</item>
/// <item><see cref="BoundingBox"/> is [LL longitude, LL latitude, UR longitude, UR latitude] of <c>image/boundingBox</c>;
/// for two optics the minimum LL and maximum UR over both heads.</item>
/// <item><see cref="Footprint"/> is the <c>image/imageData</c> quadrilateral LL, LR, UR, UL (for two optics: left LL,
/// right LR, right UR, left UL), closed and counter-clockwise.</item>
/// <item>Sun angles are the mean over the optics heads.</item>
/// </list>
/// </summary>
public sealed record SceneMetadata
{
    /// <summary>The scene.</summary>
    public required SceneId Id { get; init; }

    /// <summary>The camera product (bands, resolution, data type).</summary>
    public CameraSpec Camera => CameraCatalog.Get(Id);

    /// <summary>The STAC collection id, e.g. <c>CBERS4-MUX</c>.</summary>
    public string CollectionId => Id.CollectionId;

    /// <summary>The STAC <c>datetime</c>: viewing centre truncated to whole seconds, UTC.</summary>
    public required DateTime Datetime { get; init; }

    /// <summary>Earliest <c>viewing/begin</c> over the optics heads, UTC.</summary>
    public required DateTime AcquisitionStart { get; init; }

    /// <summary>Exact <c>viewing/center</c> of the primary head, UTC.</summary>
    public required DateTime AcquisitionCenter { get; init; }

    /// <summary>Latest <c>viewing/end</c> over the optics heads, UTC.</summary>
    public required DateTime AcquisitionEnd { get; init; }

    /// <summary>
    /// The STAC <c>bbox</c> in degrees (see the type remarks). Built from the grid's LL and UR corners only, it may
    /// miss slivers of the rotated grid and footprint by up to a few hundredths of a degree; use
    /// <see cref="Envelope"/> where containment matters.
    /// </summary>
    public required BoundingBox BoundingBox { get; init; }

    /// <summary>The min/max envelope of every <c>boundingBox</c> and <c>imageData</c> corner of every head, degrees.</summary>
    public required BoundingBox Envelope { get; init; }

    /// <summary>The valid-data footprint (lon/lat, closed, counter-clockwise).</summary>
    public required Polygon Footprint { get; init; }

    /// <summary>UTM zone of the rasters.</summary>
    public int UtmZone => Projection.Zone;

    /// <summary>EPSG code of the rasters' CRS (326zz/327zz).</summary>
    public int Epsg => Projection.Epsg;

    /// <summary>The primary head's projection.</summary>
    public required UtmProjection Projection { get; init; }

    /// <summary>Sun elevation, degrees (mean over heads).</summary>
    public required double SunElevation { get; init; }

    /// <summary>Sun azimuth, degrees clockwise from north (mean over heads).</summary>
    public required double SunAzimuth { get; init; }

    /// <summary>Absolute roll of the first attitude record of the primary head (STAC <c>view:off_nadir</c> as CBERS-on-AWS reports it), when present.</summary>
    public double? OffNadir { get; init; }

    /// <summary>Orbit direction as INPE writes it (<c>Descending</c>/<c>Ascending</c>), when present.</summary>
    public string? OrbitDirection { get; init; }

    /// <summary>Absolute calibration coefficients by band, gathered from all files; empty when INPE gives none.</summary>
    public required IReadOnlyDictionary<int, double> CalibrationCoefficients { get; init; }

    /// <summary>For each band with a calibration coefficient, the file (name) it was read from.</summary>
    public IReadOnlyDictionary<int, string> CalibrationSources { get; init; } = new Dictionary<int, string>();

    /// <summary>The file (name) the scene-level values (time, geometry, projection, sun angles) come from: the lowest band's.</summary>
    public string PrimarySource => BandMetadata[0].SourceName;

    /// <summary>The per-band metadata files merged, ascending by band number (one per band, or fewer).</summary>
    public required IReadOnlyList<InpeBandMetadata> BandMetadata { get; init; }

    /// <summary>The band numbers merged, ascending.</summary>
    public IReadOnlyList<int> Bands => [.. BandMetadata.Select(b => b.Band)];

    /// <summary>The camera heads of the first band file (one, or left and right).</summary>
    public IReadOnlyList<OpticsMetadata> Cameras => BandMetadata[0].Cameras;

    /// <summary>Most two files of one scene may disagree on a corner, in degrees (a fraction of any band's pixel is far less).</summary>
    public const double CornerTolerance = 0.001;

    /// <summary>Most two files of one scene may disagree on the viewing centre.</summary>
    public static readonly TimeSpan TimeTolerance = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads and merges the INPE XML files of a located scene folder (one per band, or fewer): every band GeoTIFF must
    /// be described by an XML — its own, or one whose <c>availableBands</c> lists it.
    /// </summary>
    /// <exception cref="InvalidSceneException">A band is described by no file, or the files disagree (see <see cref="Merge"/>).</exception>
    public static SceneMetadata Read(SceneFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var scene = Merge(files.MetadataXml.Select(InpeMetadataReader.ReadFile));
        var described = scene.BandMetadata.SelectMany(b => b.Cameras.SelectMany(c => c.AvailableBands).Append(b.Band)).ToHashSet();
        var undescribed = files.Bands.Where(b => !described.Contains(b.Band)).ToList();
        if (undescribed.Count > 0)
        {
            var tif = Path.GetFileName(undescribed[0].TiffPath);
            throw new InvalidSceneException(
                $"{files.Id}: no INPE XML describes band(s) {string.Join(", ", undescribed.Select(b => b.Band))} ({tif}); {string.Join(", ", files.MetadataXml.Select(Path.GetFileName))} list(s) bands {string.Join(", ", described.Order())}",
                tif, null, files.Id.ToString());
        }

        return scene;
    }

    /// <summary>Scene metadata from a single band file.</summary>
    public static SceneMetadata From(InpeBandMetadata band) => Merge([band]);

    /// <summary>Merges the band files of one scene; scene-level values come from the lowest band.</summary>
    /// <exception cref="ArgumentException">No band files were given.</exception>
    /// <exception cref="InvalidSceneException">
    /// The files describe different scenes, repeat a band, or disagree on the scene's geometry (a bounding-box corner
    /// more than <see cref="CornerTolerance"/> apart) or time (viewing centres more than <see cref="TimeTolerance"/> apart).
    /// </exception>
    public static SceneMetadata Merge(IEnumerable<InpeBandMetadata> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var ordered = bands.OrderBy(b => b.Band).ToArray();
        if (ordered.Length == 0)
        {
            throw new ArgumentException("At least one band's metadata is needed.", nameof(bands));
        }

        var first = ordered[0];
        for (var i = 1; i < ordered.Length; i++)
        {
            var other = ordered[i];
            if (other.SceneId != first.SceneId)
            {
                throw new InvalidSceneException(
                    $"{other.SourceName}: scene '{other.SceneId}' differs from '{first.SceneId}' of {first.SourceName}",
                    other.SourceName, null, first.SceneId.ToString());
            }

            if (other.Band == ordered[i - 1].Band)
            {
                throw new InvalidSceneException(
                    $"{other.SourceName}: band {other.Band} of scene '{first.SceneId}' is also described by {ordered[i - 1].SourceName}",
                    other.SourceName, null, first.SceneId.ToString());
            }

            CheckAgreement(first, other);
        }

        var cameras = first.Cameras;
        var primary = first.Primary;
        var last = cameras[^1];
        var calibration = new Dictionary<int, double>();
        var calibrationSources = new Dictionary<int, string>();
        foreach (var file in ordered)
        {
            foreach (var (band, value) in file.Primary.AbsoluteCalibrationCoefficients)
            {
                if (calibration.TryAdd(band, value))
                {
                    calibrationSources[band] = file.SourceName;
                }
            }
        }

        var center = primary.Viewing.Center;
        return new SceneMetadata
        {
            Id = first.SceneId,
            Datetime = new DateTime(center.Ticks - (center.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            AcquisitionStart = cameras.Min(c => c.Viewing.Begin),
            AcquisitionCenter = center,
            AcquisitionEnd = cameras.Max(c => c.Viewing.End),
            BoundingBox = new BoundingBox(
                cameras.Min(c => c.BoundingBox.LowerLeft.Longitude),
                cameras.Min(c => c.BoundingBox.LowerLeft.Latitude),
                cameras.Max(c => c.BoundingBox.UpperRight.Longitude),
                cameras.Max(c => c.BoundingBox.UpperRight.Latitude)),
            Envelope = BoundingBox.FromPoints(cameras.SelectMany(c => c.BoundingBox.Corners.Concat(c.ImageData.Corners)).Select(p => p.Position)),
            Footprint = new Polygon(
            [
                primary.ImageData.LowerLeft.Position,
                last.ImageData.LowerRight.Position,
                last.ImageData.UpperRight.Position,
                primary.ImageData.UpperLeft.Position,
            ]),
            Projection = primary.Projection,
            SunElevation = cameras.Average(c => c.SunElevation),
            SunAzimuth = cameras.Average(c => c.SunAzimuth),
            OffNadir = primary.Roll is { } roll ? Math.Abs(roll) : null,
            OrbitDirection = primary.OrbitDirection,
            CalibrationCoefficients = calibration,
            CalibrationSources = calibrationSources,
            BandMetadata = ordered,
        };
    }

    private static void CheckAgreement(InpeBandMetadata first, InpeBandMetadata other)
    {
        for (var c = 0; c < Math.Min(first.Cameras.Count, other.Cameras.Count); c++)
        {
            var (a, b) = (first.Cameras[c], other.Cameras[c]);
            var apart = (a.Viewing.Center - b.Viewing.Center).Duration();
            if (apart > TimeTolerance)
            {
                throw Disagreement(first, other, $"viewing centre {a.Viewing.Center:O} vs {b.Viewing.Center:O}");
            }

            var corners = a.BoundingBox.Corners.Zip(b.BoundingBox.Corners);
            foreach (var (p, q) in corners)
            {
                if (Math.Abs(p.Latitude - q.Latitude) > CornerTolerance || Math.Abs(p.Longitude - q.Longitude) > CornerTolerance)
                {
                    throw Disagreement(first, other, $"bounding-box corner ({p.Longitude}, {p.Latitude}) vs ({q.Longitude}, {q.Latitude})");
                }
            }
        }
    }

    private static InvalidSceneException Disagreement(InpeBandMetadata first, InpeBandMetadata other, string what) => new(
        $"{other.SourceName} and {first.SourceName} disagree on scene '{first.SceneId}': {what}", other.SourceName, null, first.SceneId.ToString());
}

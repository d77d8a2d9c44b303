using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EarthData.Core.Scenes;

/// <summary>
/// The archive identity of a CBERS scene, e.g. <c>CBERS_4_MUX_20170528_090_084_L2</c> or
/// <c>CBERS_4A_WFI_20200801_221_156_L4_LEFT</c>. Immutable, value-equal and usable as a dictionary key;
/// <see cref="ToString"/> yields the canonical id and round-trips through <see cref="Parse"/>.
/// </summary>
public sealed record SceneId
{
    private const string DateFormat = "yyyyMMdd";

    /// <summary>Creates a scene id, validating that the satellite carries the camera and path/row fit 3 digits.</summary>
    /// <exception cref="ArgumentException">The camera is not on the satellite, or path/row is outside 0–999.</exception>
    public SceneId(
        CbersSatellite satellite,
        CbersCamera camera,
        DateOnly acquisitionDate,
        int path,
        int row,
        ProcessingLevel level,
        Optics optics = Optics.None)
    {
        if (!CbersNames.Carries(satellite, camera))
        {
            throw new ArgumentException(
                $"{CbersNames.SatelliteFolder(satellite)} has no {CbersNames.CameraToken(camera)} camera (it has {CbersNames.CamerasOf(satellite)}).",
                nameof(camera));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(path, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, 999);
        Satellite = satellite;
        Camera = camera;
        AcquisitionDate = acquisitionDate;
        Path = path;
        Row = row;
        Level = level;
        Optics = optics;
    }

    /// <summary>The satellite.</summary>
    public CbersSatellite Satellite { get; }

    /// <summary>The camera product line.</summary>
    public CbersCamera Camera { get; }

    /// <summary>Acquisition date (UTC) as written in the id.</summary>
    public DateOnly AcquisitionDate { get; }

    /// <summary>Orbit path of the CBERS reference grid (written with 3 digits).</summary>
    public int Path { get; }

    /// <summary>Row of the CBERS reference grid (written with 3 digits).</summary>
    public int Row { get; }

    /// <summary>INPE processing level.</summary>
    public ProcessingLevel Level { get; }

    /// <summary>Optics head for two-headed cameras, <see cref="Scenes.Optics.None"/> otherwise.</summary>
    public Optics Optics { get; }

    /// <summary>The STAC collection id, e.g. <c>CBERS4-MUX</c>.</summary>
    public string CollectionId => CbersNames.CollectionId(Satellite, Camera);

    /// <summary>The scene folder relative to an archive root, '/'-separated: <c>CBERS4/MUX/090/084/CBERS_4_MUX_20170528_090_084_L2</c>.</summary>
    public string ArchiveDirectory => string.Join(
        '/', CbersNames.SatelliteFolder(Satellite), CbersNames.CameraToken(Camera), Three(Path), Three(Row), ToString());

    /// <summary>The same scene without an optics suffix.</summary>
    public SceneId WithoutOptics() => Optics == Optics.None ? this : new SceneId(Satellite, Camera, AcquisitionDate, Path, Row, Level);

    /// <summary>The file name of one band of this scene, e.g. <c>CBERS_4_MUX_20170528_090_084_L2_BAND6.tif</c>.</summary>
    /// <param name="band">Band number (see <see cref="CameraCatalog"/>).</param>
    /// <param name="extension">Extension with or without the leading dot (<c>tif</c>, <c>.xml</c>).</param>
    public string BandFileName(int band, string extension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        return string.Create(CultureInfo.InvariantCulture, $"{this}_BAND{band}.{extension.TrimStart('.')}");
    }

    /// <summary>The canonical id text.</summary>
    public override string ToString()
    {
        var id = string.Join(
            '_',
            "CBERS",
            CbersNames.SatelliteToken(Satellite),
            CbersNames.CameraToken(Camera),
            AcquisitionDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            Three(Path),
            Three(Row),
            Level.ToString());
        return Optics == Optics.None ? id : id + "_" + CbersNames.OpticsToken(Optics);
    }

    /// <summary>Parses an archive id (exact case).</summary>
    /// <exception cref="InvalidSceneIdException">The text is not a valid id; the message names the wrong part.</exception>
    public static SceneId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var id, out var error) ? id : throw error;
    }

    /// <summary>Parses an archive id without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SceneId? id)
    {
        if (text is not null && TryParseCore(text, out var parsed, out _))
        {
            id = parsed;
            return true;
        }

        id = null;
        return false;
    }

    private static bool TryParseCore(string text, [NotNullWhen(true)] out SceneId? id, [NotNullWhen(false)] out InvalidSceneIdException? error)
    {
        id = null;
        error = null;
        var parts = text.Split('_');
        if (parts.Length is not (7 or 8))
        {
            error = new InvalidSceneIdException(
                text, "structure", $"expected 7 or 8 '_'-separated parts (CBERS_{{4|4A}}_{{CAMERA}}_{{yyyyMMdd}}_{{PPP}}_{{RRR}}_{{LEVEL}}[_LEFT|_RIGHT]), found {parts.Length}");
            return false;
        }

        if (parts[0] != "CBERS")
        {
            error = new InvalidSceneIdException(text, "prefix", $"prefix '{parts[0]}' is not 'CBERS'");
            return false;
        }

        if (!CbersNames.TryParseSatellite(parts[1], out var satellite))
        {
            error = new InvalidSceneIdException(text, "satellite", $"satellite '{parts[1]}' is not '4' or '4A'");
            return false;
        }

        if (!CbersNames.TryParseCamera(parts[2], out var camera))
        {
            error = new InvalidSceneIdException(text, "camera", $"camera '{parts[2]}' is not one of MUX, AWFI, PAN5M, PAN10M, WFI, WPM");
            return false;
        }

        if (!CbersNames.Carries(satellite, camera))
        {
            error = new InvalidSceneIdException(
                text, "camera", $"camera '{parts[2]}' is not carried by CBERS{parts[1]} (it has {CbersNames.CamerasOf(satellite)})");
            return false;
        }

        if (parts[3].Length != DateFormat.Length || !parts[3].All(char.IsAsciiDigit) ||
            !DateOnly.TryParseExact(parts[3], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = new InvalidSceneIdException(text, "acquisition date", $"acquisition date '{parts[3]}' is not yyyyMMdd");
            return false;
        }

        if (!TryParseThreeDigits(parts[4], out var path))
        {
            error = new InvalidSceneIdException(text, "path", $"path '{parts[4]}' is not 3 digits");
            return false;
        }

        if (!TryParseThreeDigits(parts[5], out var row))
        {
            error = new InvalidSceneIdException(text, "row", $"row '{parts[5]}' is not 3 digits");
            return false;
        }

        if (!CbersNames.TryParseLevel(parts[6], out var level))
        {
            error = new InvalidSceneIdException(text, "level", $"level '{parts[6]}' is not one of L2, L2B, L3, L4");
            return false;
        }

        var optics = Optics.None;
        if (parts.Length == 8)
        {
            optics = parts[7] switch
            {
                "LEFT" => Optics.Left,
                "RIGHT" => Optics.Right,
                _ => Optics.None,
            };
            if (optics == Optics.None)
            {
                error = new InvalidSceneIdException(text, "optics", $"optics suffix '{parts[7]}' is not LEFT or RIGHT");
                return false;
            }
        }

        id = new SceneId(satellite, camera, date, path, row, level, optics);
        return true;
    }

    private static bool TryParseThreeDigits(string token, out int value)
    {
        value = 0;
        return token.Length == 3 && token.All(char.IsAsciiDigit) &&
            int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string Three(int value) => value.ToString("000", CultureInfo.InvariantCulture);
}

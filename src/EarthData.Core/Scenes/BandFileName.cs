using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EarthData.Core.Scenes;

/// <summary>
/// A parsed band file name, <c>{SCENE_ID}_BAND{n}.{ext}</c>, e.g. <c>CBERS_4_MUX_20170528_090_084_L2_BAND6.tif</c>.
/// The band must belong to the scene's camera (see <see cref="CameraCatalog"/>).
/// </summary>
/// <param name="SceneId">The scene the file belongs to.</param>
/// <param name="Band">The band number.</param>
/// <param name="Extension">The extension without the dot, as written (e.g. <c>tif</c>, <c>xml</c>).</param>
public sealed record BandFileName(SceneId SceneId, int Band, string Extension)
{
    private const string BandMarker = "_BAND";

    /// <summary>The file name text.</summary>
    public override string ToString() => SceneId.BandFileName(Band, Extension);

    /// <summary>Parses a file name (a bare name, not a path).</summary>
    /// <exception cref="InvalidSceneIdException">The name does not follow the grammar; the message names the part.</exception>
    public static BandFileName Parse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return TryParseCore(fileName, out var parsed, out var error) ? parsed : throw error;
    }

    /// <summary>Parses a file name without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? fileName, [NotNullWhen(true)] out BandFileName? parsed)
    {
        if (fileName is not null && TryParseCore(fileName, out var result, out _))
        {
            parsed = result;
            return true;
        }

        parsed = null;
        return false;
    }

    private static bool TryParseCore(string fileName, [NotNullWhen(true)] out BandFileName? parsed, [NotNullWhen(false)] out InvalidSceneIdException? error)
    {
        parsed = null;
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0 || dot == fileName.Length - 1)
        {
            error = new InvalidSceneIdException(fileName, "extension", "band file name has no extension");
            return false;
        }

        var stem = fileName[..dot];
        var extension = fileName[(dot + 1)..];
        var marker = stem.LastIndexOf(BandMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            error = new InvalidSceneIdException(fileName, "band", "band file name has no '_BAND{n}' before the extension");
            return false;
        }

        var bandText = stem[(marker + BandMarker.Length)..];
        if (bandText.Length is 0 or > 2 || !bandText.All(char.IsAsciiDigit))
        {
            error = new InvalidSceneIdException(fileName, "band", $"band '{bandText}' is not a band number");
            return false;
        }

        try
        {
            var sceneId = SceneId.Parse(stem[..marker]);
            var band = int.Parse(bandText, NumberStyles.None, CultureInfo.InvariantCulture);
            var camera = CameraCatalog.Get(sceneId.Satellite, sceneId.Camera);
            if (camera.FindBand(band) is null)
            {
                error = new InvalidSceneIdException(
                    fileName, "band", $"band {band} is not a band of {camera.CollectionId} ({string.Join(", ", camera.Bands.Select(b => b.Number))})");
                return false;
            }

            parsed = new BandFileName(sceneId, band, extension);
            error = null;
            return true;
        }
        catch (InvalidSceneIdException ex)
        {
            error = new InvalidSceneIdException(fileName, ex.Part ?? "structure", $"scene id {ex.Message}");
            return false;
        }
    }
}

using EarthData.Core.Metadata;
using EarthData.Core.Scenes;

namespace EarthData.Testing;

/// <summary>Two-head (CBERS WFI/AWFI left and right optics) copies of generated one-head scenes.</summary>
public static class TwoHeadScene
{
    /// <summary>
    /// Copies the scene folder <paramref name="source"/> into <paramref name="parent"/> with XML that describes two
    /// heads: the left covers the west half of the image (its right edge through the middles of the top and bottom
    /// edges), the right the east half with <paramref name="rightGain"/>[band] times the coefficients.
    /// </summary>
    /// <returns>The copy's folder.</returns>
    public static string Copy(string source, string parent, IReadOnlyDictionary<int, double> rightGain)
    {
        ArgumentNullException.ThrowIfNull(rightGain);
        var target = Directory.CreateDirectory(Path.Combine(parent, Path.GetFileName(source))).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var xml in Directory.GetFiles(target, "*.xml"))
        {
            var band = InpeMetadataReader.ReadFile(xml);
            if (band.Cameras is not [var one])
            {
                throw new InvalidOperationException($"{xml} describes {band.Cameras.Count} heads, not one");
            }

            var image = one.ImageData;
            var (top, bottom) = (Middle(image.UpperLeft, image.UpperRight), Middle(image.LowerLeft, image.LowerRight));
            var leftHead = one with { Optics = Optics.Left, ImageData = image with { UpperRight = top, LowerRight = bottom } };
            var rightHead = one with
            {
                Optics = Optics.Right,
                ImageData = image with { UpperLeft = top, LowerLeft = bottom },
                AbsoluteCalibrationCoefficients = one.AbsoluteCalibrationCoefficients.ToDictionary(p => p.Key, p => p.Value * rightGain[p.Key]),
            };
            InpeMetadataWriter.WriteFile(band with { Cameras = [leftHead, rightHead] }, xml);
        }

        return target;
    }

    private static ImageCorner Middle(ImageCorner a, ImageCorner b) => new(
        (a.Line + b.Line) / 2, (a.Column + b.Column) / 2, (a.Latitude + b.Latitude) / 2, (a.Longitude + b.Longitude) / 2,
        (a.Northing + b.Northing) / 2, (a.Easting + b.Easting) / 2);
}

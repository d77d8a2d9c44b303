using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>
/// The land cover one acquisition of a synthetic scene sees at each point of the reference grid:
/// the landscape, changed by the scenario's event after it happened, under that day's clouds.
/// </summary>
internal sealed class SceneCover(Landscape landscape, ChangeRegion? change, Func<double, double, bool> clouds, double vigour = 1)
{
    /// <summary>
    /// Vegetation vigour of the pass: healthy vegetation's NIR reflectance is multiplied by it (1 = the nominal
    /// spectrum), so a history of seasons spreads the NDVI climatology a drought is measured against.
    /// </summary>
    public double Vigour => vigour;

    /// <summary>Reflectance of the cover at (x, y) in a band, with the pass's vegetation vigour.</summary>
    public double Reflectance(double x, double y, string commonName)
    {
        var cover = At(x, y);
        var value = SurfaceReflectance.Of(cover, commonName);
        return cover == LandCover.Vegetation && commonName == "nir" ? value * vigour : value;
    }

    /// <summary>Cover at reference-grid coordinates (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public LandCover At(double x, double y)
    {
        if (clouds(x, y))
        {
            return LandCover.Cloud;
        }

        var cover = landscape.Classify(x, y);
        return change is null ? cover : change.After(cover, x, y, landscape);
    }

    /// <summary>Whether a cloud hides (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public bool IsCloudy(double x, double y) => clouds(x, y);

    /// <summary>Cover without clouds (what the ground is).</summary>
    public LandCover Ground(double x, double y)
    {
        var cover = landscape.Classify(x, y);
        return change is null ? cover : change.After(cover, x, y, landscape);
    }
}

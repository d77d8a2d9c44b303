using EarthData.Samples.Synthesis;

namespace EarthData.Samples;

/// <summary>
/// The land cover one acquisition of a synthetic scene sees at each point of the reference grid:
/// the landscape, changed by the scenario's event after it happened, under that day's clouds.
/// </summary>
internal sealed class SceneCover(Landscape landscape, ChangeRegion? change, Func<double, double, bool> clouds)
{
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

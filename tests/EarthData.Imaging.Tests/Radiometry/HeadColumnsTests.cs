using EarthData.Core.Radiometry;
using EarthData.Gdal;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Tests.Radiometry;

public sealed class HeadColumnsTests
{
    [Fact]
    public void Of_PutsPixelsWhoseCentreIsWestOfTheSeamOnTheLeft_InTheSeamsOwnCrs()
    {
        // A 100 × 40 raster of 10 m pixels in UTM 23S from easting 500 000; the seam runs from (500 305, top) to (500 505, bottom).
        using var raster = UtmRaster(100, 40);
        var seam = new CameraSeam(500_305, 7_000_400, 500_505, 7_000_000);

        var columns = HeadColumns.Of(seam, 32723, raster);

        for (var row = 0; row < 40; row++)
        {
            var easting = seam.EastingAt(7_000_400 - ((row + 0.5) * 10));
            var first = columns.FirstRightColumn(row);
            Assert.True(500_000 + ((first + 0.5) * 10) >= easting, $"row {row}: column {first} lies west of the seam at {easting}");
            Assert.True(500_000 + ((first - 0.5) * 10) < easting, $"row {row}: column {first - 1} lies east of the seam at {easting}");
        }
    }

    [Fact]
    public void Of_PlacesTheSeamOnAReducedRead_AtTheReadsOwnPixelSize()
    {
        // The 100 × 40 raster read as 25 × 10: 40 m pixels over the same extent.
        using var raster = UtmRaster(100, 40);
        var seam = new CameraSeam(500_305, 7_000_400, 500_505, 7_000_000);

        var columns = HeadColumns.Of(seam, 32723, raster, 25, 10);

        for (var row = 0; row < 10; row++)
        {
            var easting = seam.EastingAt(7_000_400 - ((row + 0.5) * 40));
            var first = columns.FirstRightColumn(row);
            Assert.True(500_000 + ((first + 0.5) * 40) >= easting, $"row {row}: column {first} lies west of the seam at {easting}");
            Assert.True(500_000 + ((first - 0.5) * 40) < easting, $"row {row}: column {first - 1} lies east of the seam at {easting}");
        }
    }

    [Fact]
    public void Of_ClampsToTheRaster_WhereTheSeamLiesBeyondIt()
    {
        using var raster = UtmRaster(10, 2);

        var east = HeadColumns.Of(new CameraSeam(600_000, 7_000_020, 600_000, 7_000_000), 32723, raster);
        var west = HeadColumns.Of(new CameraSeam(400_000, 7_000_020, 400_000, 7_000_000), 32723, raster);

        Assert.Equal(10, east.FirstRightColumn(0));
        Assert.Equal(0, west.FirstRightColumn(1));
    }

    /// <summary>A MEM raster of 10 m pixels in UTM 23S, west edge at easting 500 000, top at northing 7 000 000 + 10 × height.</summary>
    private static GdalDataset UtmRaster(int width, int height)
    {
        var raster = GdalDataset.Create("MEM", string.Empty, width, height, 1, GdalDataType.Byte);
        raster.GeoTransform = new GeoTransform(500_000, 10, 0, 7_000_000 + (10 * height), 0, -10);
        using var utm = SpatialReference.FromEpsg(32723);
        raster.SetSpatialReference(utm);
        return raster;
    }
}

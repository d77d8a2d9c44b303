using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;

namespace EarthData.Core.Tests.Radiometry;

public class CameraSeamTests
{
    [Fact]
    public void Between_LiesInTheOverlapOfTheRealWfiHeads()
    {
        var metadata = InpeMetadataReader.ReadFile(SharedFixtures.Xml("CBERS_4A_WFI_20200801_221_156_L4_BAND13.xml"));
        var (left, right) = (metadata.Cameras[0], metadata.Cameras[1]);

        var seam = CameraSeam.Between(left, right)!;

        Assert.InRange(seam.TopEasting, Math.Min(left.ImageData.UpperRight.Easting, right.ImageData.UpperLeft.Easting),
            Math.Max(left.ImageData.UpperRight.Easting, right.ImageData.UpperLeft.Easting));
        Assert.True(seam.EastingAt(left.ImageData.Center.Northing) > left.ImageData.Center.Easting);
        Assert.True(seam.EastingAt(right.ImageData.Center.Northing) < right.ImageData.Center.Easting);
    }

    [Fact]
    public void EastingAt_InterpolatesAlongTheSeam()
    {
        var seam = new CameraSeam(1000, 2000, 3000, 0);

        Assert.Equal(2000, seam.EastingAt(1000), 9);
        Assert.Equal(4000, seam.EastingAt(-1000), 9);
    }
}

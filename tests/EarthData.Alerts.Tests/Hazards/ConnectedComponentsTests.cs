using EarthData.Alerts.Hazards;

namespace EarthData.Alerts.Tests.Hazards;

public class ConnectedComponentsTests
{
    [Fact]
    public void Filter_DropsRegionsBelowTheMinimum_AndJoinsDiagonalNeighbours()
    {
        byte[] mask =
        [
            1, 1, 0, 0, 0,
            0, 1, 0, 0, 1,
            0, 0, 1, 0, 1,
            0, 0, 0, 0, 0,
            1, 0, 0, 0, 0,
        ];

        var (pixels, regions) = ConnectedComponents.Filter(mask, 5, 3);

        Assert.Equal((4L, 1), (pixels, regions)); // the diagonal chain of 4 stays; the pair and the single pixel go
        Assert.Equal([1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], mask);
    }

    [Fact]
    public void Filter_Throws_WhenTheLengthIsNotAMultipleOfTheWidth() =>
        Assert.Throws<ArgumentException>(() => ConnectedComponents.Filter(new byte[7], 3, 1));
}

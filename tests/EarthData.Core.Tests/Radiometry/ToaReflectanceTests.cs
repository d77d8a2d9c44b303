using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;

namespace EarthData.Core.Tests.Radiometry;

public class ToaReflectanceTests
{
    private static readonly BandSpec Red = CameraCatalog.ForCollection("CBERS4-MUX").Band(7);

    [Fact]
    public void Factor_MatchesTextbookFormula_ForKnownInputs()
    {
        // ρ = π L d² / (ESUN sin(elev)); DN 100, coefficient 1.55, elevation 30°, 1 AU-ish date.
        var date = new DateOnly(2024, 4, 4);
        var d = EarthSunDistance.OnDate(date);
        var expected = Math.PI * 155 * d * d / (SolarIrradiance.Of(Red) * 0.5);
        Assert.Equal(expected, 100 * ToaReflectance.Factor(1.55, Red, 30, date), 9);
    }

    [Fact]
    public void EarthSunDistance_IsShortestInJanuaryAndLongestInJuly()
    {
        Assert.Equal(0.9833, EarthSunDistance.OnDate(new DateOnly(2024, 1, 4)), 3);
        Assert.Equal(1.0167, EarthSunDistance.OnDate(new DateOnly(2024, 7, 5)), 3);
    }

    [Fact]
    public void CoefficientForSaturation_MapsMaxValueToSaturationReflectance()
    {
        var date = new DateOnly(2020, 8, 8);
        var coefficient = ToaReflectance.CoefficientForSaturation(0.75, 255, Red, 42, date);
        Assert.Equal(0.75, 255 * ToaReflectance.Factor(coefficient, Red, 42, date), 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(91)]
    public void Factor_Throws_WhenSunElevationIsOutOfRange(double elevation) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ToaReflectance.Factor(1.5, Red, elevation, new DateOnly(2024, 1, 1)));

    [Fact]
    public void SolarIrradiance_IsDefinedForEveryCatalogueBand()
    {
        foreach (var band in CameraCatalog.All.SelectMany(c => c.Bands))
        {
            Assert.InRange(SolarIrradiance.Of(band), 900, 2100);
        }
    }
}

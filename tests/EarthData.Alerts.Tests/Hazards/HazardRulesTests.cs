using EarthData.Alerts.Hazards;
using EarthData.Core.Alerts;

namespace EarthData.Alerts.Tests.Hazards;

public class HazardRulesTests
{
    private static readonly HazardGrid Grid = new(100, 100, 0.0004); // 20 m pixels: 4 km² in all
    private static readonly HazardRules Rules = new(new HazardThresholds { MinimumMappingUnitKm2 = 0.01 });

    [Theory]
    [InlineData(30f, AlertSeverity.Moderate)]
    [InlineData(15f, AlertSeverity.Severe)]
    [InlineData(5f, AlertSeverity.Extreme)]
    public void Drought_GradesByKoganClassOfTheMedianAffectedPixel(float vci, AlertSeverity expected)
    {
        var values = Fill(60f);
        Rect(values, 0, 0, 100, 40, vci); // 40 % of the pixels

        var finding = Rules.Drought(values, Grid);

        Assert.True(finding.Raised);
        Assert.Equal(expected, finding.Severity);
        Assert.Equal(0.4, finding.AffectedFraction, 6);
        Assert.Equal(1.6, finding.AreaKm2, 6);
    }

    [Fact]
    public void Drought_IsNotRaised_WhenTheAffectedShareIsAtMostThirtyPercent()
    {
        var values = Fill(60f);
        Rect(values, 0, 0, 100, 30, 5f);

        Assert.False(Rules.Drought(values, Grid).Raised);
    }

    [Fact]
    public void Drought_CountsOnlyValidPixels()
    {
        var values = Fill(float.NaN);
        Rect(values, 0, 0, 100, 10, 5f);
        Rect(values, 0, 10, 100, 10, 80f);

        var finding = Rules.Drought(values, Grid);

        Assert.Equal(2000, finding.ValidPixels);
        Assert.Equal(0.5, finding.AffectedFraction, 6);
    }

    [Fact]
    public void Flood_CountsOnlyNewWater_AboveTheNdwiThreshold()
    {
        var ndwi = Fill(-0.3f);
        var reference = new byte[Grid.Length];
        Rect(ndwi, 0, 0, 100, 20, 0.4f); // permanent lake ...
        for (var i = 0; i < 2000; i++)
        {
            reference[i] = 1; // ... in the reference
        }

        Rect(ndwi, 0, 20, 100, 30, 0.3f); // new water: 3000 px = 1.2 km²

        var finding = Rules.Flood(ndwi, reference, Grid);

        Assert.True(finding.Raised);
        Assert.Equal(1.2, finding.AreaKm2, 6);
        Assert.Equal(AlertSeverity.Moderate, finding.Severity);
    }

    [Fact]
    public void Flood_IsNotRaised_BelowTheMinimumArea_AndIgnoresSpecklesBelowTheMappingUnit()
    {
        var ndwi = Fill(-0.3f);
        Rect(ndwi, 0, 0, 100, 20, 0.3f); // 0.8 km²
        for (var i = 0; i < 100; i += 2)
        {
            ndwi[(60 * 100) + i] = 0.5f; // isolated single pixels: below the 0.01 km² mapping unit
        }

        var finding = Rules.Flood(ndwi, new byte[Grid.Length], Grid);

        Assert.False(finding.Raised);
        Assert.Equal(2000, finding.AffectedPixels);
    }

    [Fact]
    public void Flood_WithOtsu_SplitsABimodalScene()
    {
        var rules = new HazardRules(new HazardThresholds { FloodUseOtsu = true, NdwiWater = 0.9, MinimumMappingUnitKm2 = 0 });
        var ndwi = Fill(-0.4f);
        Rect(ndwi, 0, 0, 100, 50, -0.05f); // water darker than the usual 0 threshold would accept

        var finding = rules.Flood(ndwi, new byte[Grid.Length], Grid);

        Assert.Equal(5000, finding.AffectedPixels);
    }

    [Theory]
    [InlineData(0.2f, AlertSeverity.Minor)]
    [InlineData(0.3f, AlertSeverity.Moderate)]
    [InlineData(0.5f, AlertSeverity.Severe)]
    [InlineData(0.7f, AlertSeverity.Extreme)]
    public void Burn_GradesByDnbrClass(float dnbr, AlertSeverity expected)
    {
        var values = Fill(0.02f);
        Rect(values, 10, 10, 60, 50, dnbr); // 3000 px = 1.2 km²

        var finding = Rules.Burn(values, Grid);

        Assert.True(finding.Raised);
        Assert.Equal(expected, finding.Severity);
        Assert.Equal(1.2, finding.AreaKm2, 6);
    }

    [Fact]
    public void Thresholds_Validate_RejectsUnorderedVciClasses() =>
        Assert.Throws<ArgumentException>(() => new HazardRules(new HazardThresholds { VciSevere = 40 }));

    [Fact]
    public void VegetationCondition_ScalesNdviWithinItsClimatology()
    {
        float[] ndvi = [0.5f, 0.2f, 0.9f, 0.5f, float.NaN];
        float[] low = [0.3f, 0.3f, 0.3f, 0.5f, 0.3f];
        float[] high = [0.7f, 0.7f, 0.7f, 0.52f, 0.7f];
        var vci = new float[5];

        VegetationCondition.Compute(ndvi, low, high, vci);

        Assert.Equal(50f, vci[0], 4);
        Assert.Equal(0f, vci[1]);
        Assert.Equal(100f, vci[2]);
        Assert.True(float.IsNaN(vci[3]) && float.IsNaN(vci[4]));
    }

    private static float[] Fill(float value) => Enumerable.Repeat(value, Grid.Length).ToArray();

    private static void Rect(float[] values, int x, int y, int width, int height, float value)
    {
        for (var row = y; row < y + height; row++)
        {
            values.AsSpan((row * Grid.Width) + x, width).Fill(value);
        }
    }
}

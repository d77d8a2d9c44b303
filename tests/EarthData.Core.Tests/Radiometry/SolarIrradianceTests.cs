using System.Globalization;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Testing;

namespace EarthData.Core.Tests.Radiometry;

public class SolarIrradianceTests
{
    private static readonly Lazy<(double Nm, double Irradiance)[]> Spectrum = new(() =>
        [.. File.ReadLines(SharedData.File("solar", "thuillier2003-440-900nm.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))]);

    public static TheoryData<string, int> CatalogueBands
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var camera in CameraCatalog.All)
            {
                foreach (var band in camera.Bands)
                {
                    data.Add(camera.CollectionId, band.Number);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueBands))]
    public void Of_EqualsThuillierSpectrumIntegratedOverTheBandRange(string collection, int bandNumber)
    {
        var band = CameraCatalog.ForCollection(collection).Band(bandNumber);

        var derived = BandMean(band.MinWavelength * 1000, band.MaxWavelength * 1000);

        Assert.InRange(SolarIrradiance.Of(band) / derived, 0.9995, 1.0005);
    }

    [Fact]
    public void Of_AgreesWithTheDisastersCharterTable_ForTheMultispectralBands()
    {
        // Disasters Charter CBERS-4/4A calibration notes, Thuillier 2003 column: blue 1984.65, green 1823.40, red 1536.38.
        var mux = CameraCatalog.ForCollection("CBERS4-MUX");
        Assert.Equal(1984.65, SolarIrradiance.Of(mux.Band(5)), 0.2);
        Assert.Equal(1823.40, SolarIrradiance.Of(mux.Band(6)), 2.5);
        Assert.Equal(1536.38, SolarIrradiance.Of(mux.Band(7)), 0.5);
    }

    [Fact]
    public void Of_Throws_WhenTheRangeIsNotTabulated() =>
        Assert.Throws<ArgumentException>(() => SolarIrradiance.Of(new BandSpec(9, "swir16", 1.55, 1.75, 80, SampleType.Byte, 255)));

    private static double BandMean(double lowNm, double highNm)
    {
        var points = new List<(double X, double Y)> { (lowNm, Interpolate(lowNm)) };
        points.AddRange(Spectrum.Value.Where(p => p.Nm > lowNm && p.Nm < highNm));
        points.Add((highNm, Interpolate(highNm)));
        var integral = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            integral += (points[i].X - points[i - 1].X) * (points[i].Y + points[i - 1].Y) / 2;
        }

        return integral / (highNm - lowNm);
    }

    private static double Interpolate(double nm)
    {
        var rows = Spectrum.Value;
        var i = Array.FindIndex(rows, r => r.Nm >= nm);
        Assert.True(i > 0, $"{nm} nm is outside the shipped spectrum");
        var (x0, y0) = rows[i - 1];
        var (x1, y1) = rows[i];
        return y0 + ((y1 - y0) * (nm - x0) / (x1 - x0));
    }
}

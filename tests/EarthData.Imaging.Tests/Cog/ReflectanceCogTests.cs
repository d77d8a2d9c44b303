using EarthData.Core.Metadata;
using EarthData.Core.Radiometry;
using EarthData.Core.Scenes;
using EarthData.Gdal;
using EarthData.Imaging.Cog;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Tests.Cog;

public sealed class ReflectanceCogTests(CogScenesFixture scenes) : IClassFixture<CogScenesFixture>, IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("earthdata-refl-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Theory]
    [InlineData(CogOutput.ReflectanceFloat32, "Float32", 1e-5)]
    [InlineData(CogOutput.ReflectanceInt16, "Int16", 1.0)]
    public void Write_MuxReflectance_EqualsDnTimesFactor_AndKeepsNodata(CogOutput output, string dataType, double tolerance)
    {
        // Nearest-neighbour warping keeps source values, so each pixel can be compared with DN × factor exactly.
        var dnPath = Path.Combine(_output, "dn.tif");
        var reflectancePath = Path.Combine(_output, "reflectance.tif");
        CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = dnPath, WarpResampling = "nearest" });
        var result = CogWriter.Write(new CogRequest { Source = scenes.Mux, Destination = reflectancePath, WarpResampling = "nearest", Output = output });

        Assert.Equal(output, result.Output);
        Assert.Null(result.RadiometryNote);
        Assert.Equal(dataType, result.DataType);
        var factors = IndependentFactors(scenes.Mux, [5, 6, 7, 8]);
        var scaleToStored = output == CogOutput.ReflectanceInt16 ? 10000.0 : 1.0;

        using var dn = GdalDataset.Open(dnPath);
        using var reflectance = GdalDataset.Open(reflectancePath);
        Assert.Equal((dn.Width, dn.Height), (reflectance.Width, reflectance.Height));
        Assert.Equal("TOA_REFLECTANCE" + (output == CogOutput.ReflectanceInt16 ? "_X10000" : string.Empty), reflectance.GetMetadataItem("RADIOMETRY"));
        var (w, h) = (dn.Width, dn.Height);
        var dnValues = new double[w * h];
        var stored = new double[w * h];
        var mask = new byte[w * h];
        for (var b = 1; b <= 4; b++)
        {
            var band = reflectance.GetBand(b);
            Assert.Equal(0, band.NoDataValue);
            if (output == CogOutput.ReflectanceInt16)
            {
                Assert.Equal(1e-4, band.Scale, 12);
                Assert.Equal(0, band.Offset);
            }

            dn.GetBand(b).Read<double>(0, 0, w, h, dnValues);
            band.Read<double>(0, 0, w, h, stored);
            band.GetMaskBand().Read<byte>(0, 0, w, h, mask);
            int valid = 0, nodata = 0;
            for (var i = 0; i < dnValues.Length; i += 3)
            {
                if (dnValues[i] == 0)
                {
                    nodata++;
                    Assert.True(stored[i] == 0 && mask[i] == 0, $"band {b} pixel {i}: DN nodata became {stored[i]} (mask {mask[i]})");
                }
                else
                {
                    valid++;
                    Assert.Equal(dnValues[i] * factors[b - 1] * scaleToStored, stored[i], tolerance);
                    Assert.Equal(255, mask[i]);
                }
            }

            Assert.True(valid > 1000 && nodata > 1000, $"band {b}: {valid} valid, {nodata} nodata samples");
        }

        CogAssert.PassesGdalValidator(reflectancePath);
    }

    [Fact]
    public void Write_ReflectanceOfBandsWithoutCoefficients_StaysInDnAndSaysSo()
    {
        var destination = Path.Combine(_output, "pan.tif");

        var result = CogWriter.Write(new CogRequest { Source = scenes.Wpm, Destination = destination, Bands = [0], Output = CogOutput.ReflectanceFloat32 });

        Assert.Equal(CogOutput.Dn, result.Output);
        Assert.Equal("no calibration coefficients: output kept in DN", result.RadiometryNote);
        Assert.Equal("Int16", result.DataType);
        using var cog = GdalDataset.Open(destination);
        Assert.Equal("DN", cog.GetMetadataItem("RADIOMETRY"));
        Assert.Equal("no calibration coefficients: output kept in DN", cog.GetMetadataItem("RADIOMETRY_NOTE"));
    }

    [Fact]
    public void Write_ReflectanceOfAPlainRaster_StaysInDnAndSaysSo()
    {
        var source = TestRasters.PlainUtm(_output, 300, 300);

        var result = CogWriter.Write(new CogRequest { Source = source, Destination = Path.Combine(_output, "plain.tif"), Output = CogOutput.ReflectanceInt16 });

        Assert.Equal(CogOutput.Dn, result.Output);
        Assert.Equal(ReflectanceFactors.NoCoefficientsMessage, result.RadiometryNote);
    }

    /// <summary>ρ = DN × π × coefficient × d² / (ESUN × sin(elevation)), from the band XMLs as written.</summary>
    private static double[] IndependentFactors(string sceneDirectory, int[] bands)
    {
        var files = ArchiveLayout.Locate(sceneDirectory);
        var camera = CameraCatalog.Get(files.Id);
        var metadata = bands.Select(b => InpeMetadataReader.ReadFile(files.Band(b).XmlPath)).ToArray();
        var elevation = metadata[0].Primary.SunElevation * Math.PI / 180;
        var date = DateOnly.FromDateTime(metadata[0].Primary.Viewing.Center);
        var d = EarthSunDistance.OnDate(date);
        return [.. metadata.Select(m =>
            Math.PI * m.AbsoluteCalibrationCoefficient!.Value * d * d / (SolarIrradiance.Of(camera.Band(m.Band)) * Math.Sin(elevation)))];
    }
}

using System.Xml.Linq;
using EarthData.Imaging.Radiometry;

namespace EarthData.Imaging.Tests.Cog;

public class ReflectanceVrtTests
{
    private const string DnVrt = """
        <VRTDataset rasterXSize="10" rasterYSize="10">
          <VRTRasterBand dataType="Byte" band="1">
            <NoDataValue>0</NoDataValue>
            <SimpleSource><SourceFilename relativeToVRT="0">/a.tif</SourceFilename><SourceBand>1</SourceBand></SimpleSource>
          </VRTRasterBand>
        </VRTDataset>
        """;

    [Fact]
    public void Apply_Int16_ScalesByTenThousandAndWritesBandScale()
    {
        var document = XDocument.Parse(DnVrt);

        ReflectanceVrt.Apply(document, [0.0025], ReflectanceEncoding.Int16);

        var band = document.Root!.Element("VRTRasterBand")!;
        Assert.Equal("Int16", band.Attribute("dataType")!.Value);
        Assert.Equal("0.0001", band.Element("Scale")!.Value);
        Assert.Equal("0", band.Element("Offset")!.Value);
        var source = Assert.Single(band.Elements("ComplexSource"));
        Assert.Equal(25, double.Parse(source.Element("ScaleRatio")!.Value, System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("0", source.Element("NODATA")!.Value);
    }

    [Fact]
    public void Apply_RejectsAFactorCountThatDiffersFromTheBands() =>
        Assert.Throws<ArgumentException>(() => ReflectanceVrt.Apply(XDocument.Parse(DnVrt), [1, 2], ReflectanceEncoding.Float32));

    [Fact]
    public void ApplyByCamera_GivesPixelsWestOfTheSeamTheLeftFactorAndEastTheRight()
    {
        // 600 x 600 px of 10 m from (0, 6000); the seam runs from easting 2000 at the top to 4000 at the bottom.
        var document = XDocument.Parse("""
            <VRTDataset rasterXSize="600" rasterYSize="600">
              <GeoTransform>0, 10, 0, 6000, 0, -10</GeoTransform>
              <VRTRasterBand dataType="Int16" band="1">
                <SimpleSource><SourceFilename relativeToVRT="0">/a.tif</SourceFilename><SourceBand>1</SourceBand>
                  <SrcRect xOff="0" yOff="0" xSize="600" ySize="600" /><DstRect xOff="0" yOff="0" xSize="600" ySize="600" /></SimpleSource>
              </VRTRasterBand>
            </VRTDataset>
            """);

        ReflectanceVrt.ApplyByCamera(document, [0.001], [0.002], new Core.Radiometry.CameraSeam(2000, 6000, 4000, 0), ReflectanceEncoding.Float32);

        var pieces = document.Root!.Element("VRTRasterBand")!.Elements("ComplexSource").ToList();
        Assert.Equal(6, pieces.Count); // three strips of up to 256 rows, each cut in two
        var first = pieces[0].Element("DstRect")!;
        Assert.Equal("0", first.Attribute("xOff")!.Value);
        Assert.Equal("243", first.Attribute("xSize")!.Value); // seam at row 128 (northing 4720): easting 4000 - 2000 x 4720/6000 = 2426.7 m
        Assert.Equal("0.001", pieces[0].Element("ScaleRatio")!.Value);
        Assert.Equal("243", pieces[1].Element("DstRect")!.Attribute("xOff")!.Value);
        Assert.Equal("0.002", pieces[1].Element("ScaleRatio")!.Value);
        Assert.Equal(600 * 600, pieces.Sum(p => int.Parse(p.Element("DstRect")!.Attribute("xSize")!.Value, System.Globalization.CultureInfo.InvariantCulture)
            * int.Parse(p.Element("DstRect")!.Attribute("ySize")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

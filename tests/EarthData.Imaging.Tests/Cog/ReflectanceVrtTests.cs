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
}

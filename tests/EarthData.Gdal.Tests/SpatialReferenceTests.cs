namespace EarthData.Gdal.Tests;

public sealed class SpatialReferenceTests
{
    [Fact]
    public void FromEpsg_4326_IsGeographicWithEpsg()
    {
        using var srs = SpatialReference.FromEpsg(4326);

        Assert.True(srs.IsGeographic);
        Assert.False(srs.IsProjected);
        Assert.Equal(4326, srs.Epsg);
    }

    [Fact]
    public void FromEpsg_Throws_WhenCodeUnknown()
    {
        var ex = Assert.Throws<GdalException>(() => SpatialReference.FromEpsg(999999));

        Assert.Contains("999999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromWkt_RoundTripsToWkt_AndIsSame()
    {
        using var utm = SpatialReference.FromEpsg(32723);
        var wkt = utm.ToWkt();

        using var parsed = SpatialReference.FromWkt(wkt);

        Assert.True(parsed.IsProjected);
        Assert.True(parsed.IsSame(utm));
        Assert.Equal(32723, parsed.Epsg);
        Assert.Contains("UTM zone 23S", wkt, StringComparison.Ordinal);
    }

    [Fact]
    public void FromWkt_Throws_WhenWktInvalid()
    {
        Assert.Throws<GdalException>(() => SpatialReference.FromWkt("PROJCS[\"broken\""));
    }

    [Fact]
    public void FromUserInput_AcceptsEpsgAndProjStrings()
    {
        using var fromEpsg = SpatialReference.FromUserInput("EPSG:32723");
        using var fromProj = SpatialReference.FromUserInput("+proj=utm +zone=23 +south +datum=WGS84 +units=m +no_defs");

        Assert.True(fromEpsg.IsSame(fromProj));
        Assert.Contains("+zone=23", fromEpsg.ToProj4(), StringComparison.Ordinal);
        Assert.Contains("+south", fromEpsg.ToProj4(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromUserInput_Throws_WhenDefinitionUnknown()
    {
        var ex = Assert.Throws<GdalException>(() => SpatialReference.FromUserInput("not a crs"));

        Assert.Contains("not a crs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Epsg_IsNull_WhenCrsHasNoEpsgEquivalent()
    {
        using var custom = SpatialReference.FromUserInput("+proj=tmerc +lat_0=0 +lon_0=-44.5 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs");

        Assert.True(custom.IsProjected);
        Assert.Null(custom.Epsg);
    }

    [Fact]
    public void Clone_IsIndependent_OfDisposedOriginal()
    {
        var original = SpatialReference.FromEpsg(4326);
        using var clone = original.Clone();
        original.Dispose();

        Assert.Equal(4326, clone.Epsg);
        Assert.Throws<ObjectDisposedException>(() => original.ToWkt());
    }

    [Fact]
    public void Transform_Epsg4326ToUtm23S_TakesLonLatOrder()
    {
        // gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32723 <<< "-45 -23" → 500000 7456480.23640195
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var utm = SpatialReference.FromEpsg(32723);
        using var transformation = CoordinateTransformation.Create(wgs84, utm);

        var (x, y) = transformation.Transform(-45.0, -23.0);

        Assert.Equal(500000, x, 3);
        Assert.Equal(7456480.23640195, y, 3);
    }

    [Fact]
    public void Transform_Span_TransformsManyPoints()
    {
        // gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857 <<< "-45 -23" → -5009377.08569731 -2632018.63758642
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var mercator = SpatialReference.FromEpsg(3857);
        using var transformation = CoordinateTransformation.Create(wgs84, mercator);
        double[] xs = [-45, 0];
        double[] ys = [-23, 0];

        transformation.Transform(xs, ys);

        Assert.Equal(-5009377.08569731, xs[0], 3);
        Assert.Equal(-2632018.63758642, ys[0], 3);
        Assert.Equal(0, xs[1], 6);
        Assert.Equal(0, ys[1], 6);
        Assert.Throws<ArgumentException>(() => transformation.Transform(new double[2], new double[1]));
    }

    [Fact]
    public void Transform_ThrowsGdalException_WhenPointOutsideProjection()
    {
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var mercator = SpatialReference.FromEpsg(3857);
        using var transformation = CoordinateTransformation.Create(wgs84, mercator);

        Assert.Throws<GdalException>(() => transformation.Transform(0, 95));
    }

    [Fact]
    public void Transform_LeavesCallersSpansUnchanged_WhenAPointFails()
    {
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var mercator = SpatialReference.FromEpsg(3857);
        using var transformation = CoordinateTransformation.Create(wgs84, mercator);
        double[] xs = [10, 0, 20];
        double[] ys = [10, 95, 20];

        Assert.Throws<GdalException>(() => transformation.Transform(xs, ys));

        Assert.Equal([10, 0, 20], xs);
        Assert.Equal([10, 95, 20], ys);
    }

    [Fact]
    public void Transform_ThrowsObjectDisposed_AfterDispose()
    {
        using var wgs84 = SpatialReference.FromEpsg(4326);
        var transformation = CoordinateTransformation.Create(wgs84, wgs84);
        transformation.Dispose();

        Assert.Throws<ObjectDisposedException>(() => transformation.Transform(0, 0));
    }

    [Fact]
    public void CreateTransformation_ThrowsGdalException_WhenNoOperationExists()
    {
        using var wgs84 = SpatialReference.FromEpsg(4326);
        using var engineering = SpatialReference.FromWkt("LOCAL_CS[\"local\",UNIT[\"metre\",1],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]");

        var ex = Assert.Throws<GdalException>(() => CoordinateTransformation.Create(wgs84, engineering));

        Assert.NotNull(ex.GdalMessage);
    }
}

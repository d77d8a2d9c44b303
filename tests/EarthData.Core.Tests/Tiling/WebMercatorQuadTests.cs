using EarthData.Core.Tiling;

namespace EarthData.Core.Tests.Tiling;

public class WebMercatorQuadTests
{
    [Fact]
    public void Constants_MatchOgcDefinition()
    {
        Assert.Equal(Math.PI * 6378137.0, WebMercatorQuad.OriginShift, 6);
        Assert.Equal(256, WebMercatorQuad.TileSize);
        Assert.Equal("WebMercatorQuad", WebMercatorQuad.Identifier);
        Assert.Equal(156543.03392804097, WebMercatorQuad.InitialResolution, 8);
    }

    [Theory]
    [InlineData(0, 156543.03392804097)]
    [InlineData(1, 78271.51696402048)]
    [InlineData(13, 19.109257071294063)]
    [InlineData(24, 0.009330691929342804)]
    public void Resolution_MatchesKnownValues(int zoom, double expected)
    {
        Assert.Equal(expected, WebMercatorQuad.Resolution(zoom), 1e-9);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(25)]
    public void Resolution_Throws_WhenZoomOutOfRange(int zoom)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.Resolution(zoom));
    }

    [Theory]
    [InlineData(20.0, 13)]   // CBERS-4 MUX: 19.11 m ≤ 20 m
    [InlineData(64.0, 12)]   // CBERS-4 AWFI: 38.2 m
    [InlineData(55.0, 12)]   // CBERS-4A WFI
    [InlineData(5.0, 15)]    // CBERS-4 PAN5M: 4.78 m
    [InlineData(10.0, 14)]   // CBERS-4 PAN10M: 9.55 m
    [InlineData(2.0, 17)]    // CBERS-4A WPM: z16 = 2.39 m > 2 m
    [InlineData(16.5, 14)]   // CBERS-4A MUX 16.5 m: z13 = 19.1 m too coarse
    [InlineData(156543.03392804097, 0)]
    [InlineData(1e6, 0)]
    [InlineData(1e-6, 24)]
    public void NativeZoom_PicksFirstZoomAtLeastAsFine(double gsd, int expected)
    {
        Assert.Equal(expected, WebMercatorQuad.NativeZoom(gsd));
    }

    [Fact]
    public void NativeZoom_ToleratesRoundingNoise()
    {
        var z13 = WebMercatorQuad.Resolution(13);
        Assert.Equal(13, WebMercatorQuad.NativeZoom(z13 * (1 - 1e-12)));
        Assert.Equal(14, WebMercatorQuad.NativeZoom(z13 * (1 - 1e-6)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NativeZoom_Throws_WhenResolutionNotPositive(double gsd)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.NativeZoom(gsd));
    }

    [Fact]
    public void TileBounds_OfZoomZero_IsWholeMatrix()
    {
        var b = WebMercatorQuad.TileBounds(default);
        Assert.Equal((-WebMercatorQuad.OriginShift, -WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift, WebMercatorQuad.OriginShift), b);
    }

    [Fact]
    public void TileBounds_RowsCountFromNorth()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(1, 0, 0));
        Assert.Equal(-WebMercatorQuad.OriginShift, b.MinX);
        Assert.Equal(0.0, b.MinY);
        Assert.Equal(0.0, b.MaxX);
        Assert.Equal(WebMercatorQuad.OriginShift, b.MaxY);
    }

    [Fact]
    public void TileBounds_AtZoom13_SpansTileSizeTimesResolution()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(13, 2931, 4680));
        Assert.Equal(256 * WebMercatorQuad.Resolution(13), b.MaxX - b.MinX, 1e-6);
        Assert.Equal(256 * WebMercatorQuad.Resolution(13), b.MaxY - b.MinY, 1e-6);
        Assert.Equal(-5699144.828942742, b.MinX, 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0.0)]
    [InlineData(180.0, 0.0, 20037508.342789244, 0.0)]
    [InlineData(-47.9292, -15.7801, -5335454.14, -1779271.05)] // Brasília, spherical formula evaluated in Python
    [InlineData(0.0, 85.05112877980659, 0.0, 20037508.342789244)]
    public void LonLatToMeters_MatchesKnownValues(double lon, double lat, double x, double y)
    {
        var (mx, my) = WebMercatorQuad.LonLatToMeters(lon, lat);
        Assert.Equal(x, mx, 0.01);
        Assert.Equal(y, my, 0.01);
    }

    [Fact]
    public void LonLatToMeters_ClampsPolarLatitudes()
    {
        Assert.Equal(WebMercatorQuad.OriginShift, WebMercatorQuad.LonLatToMeters(10, 90).Y, 1e-6);
        Assert.Equal(-WebMercatorQuad.OriginShift, WebMercatorQuad.LonLatToMeters(10, -90).Y, 1e-6);
    }

    [Theory]
    [InlineData(181.0, 0.0)]
    [InlineData(0.0, 91.0)]
    [InlineData(double.NaN, 0.0)]
    public void LonLatToMeters_Throws_WhenOutOfRange(double lon, double lat)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.LonLatToMeters(lon, lat));
    }

    [Theory]
    [InlineData(-47.9292, -15.7801)]
    [InlineData(120.5, 60.25)]
    [InlineData(-179.999, -85.0)]
    public void MetersToLonLat_InvertsLonLatToMeters(double lon, double lat)
    {
        var (x, y) = WebMercatorQuad.LonLatToMeters(lon, lat);
        var back = WebMercatorQuad.MetersToLonLat(x, y);
        Assert.Equal(lon, back.Longitude, 1e-9);
        Assert.Equal(lat, back.Latitude, 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0.0, 1, 1, 1)]        // the origin is a corner: the tile east/south of it
    [InlineData(-0.001, 0.001, 1, 0, 0)]
    [InlineData(180.0, -85.06, 2, 3, 3)]
    [InlineData(-180.0, 85.06, 2, 0, 0)]
    [InlineData(-47.9292, -15.7801, 13, 3005, 4459)] // Brasília
    public void TileForLonLat_FindsContainingTile(double lon, double lat, int zoom, int x, int y)
    {
        Assert.Equal(new TileAddress(zoom, x, y), WebMercatorQuad.TileForLonLat(lon, lat, zoom));
    }

    [Fact]
    public void TileRange_ExcludesTilesTouchedOnlyOnEdge()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(5, 10, 12));
        Assert.Equal((10, 12, 10, 12), WebMercatorQuad.TileRange(b.MinX, b.MinY, b.MaxX, b.MaxY, 5));
        Assert.Equal((20, 24, 21, 25), WebMercatorQuad.TileRange(b.MinX, b.MinY, b.MaxX, b.MaxY, 6));
    }

    [Fact]
    public void TileRange_ToleratesRoundingNoiseAtEdges()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(13, 2931, 4680));
        const double noise = 1e-6; // metres, far below one pixel (19 m)
        Assert.Equal((2931, 4680, 2931, 4680), WebMercatorQuad.TileRange(b.MinX - noise, b.MinY - noise, b.MaxX + noise, b.MaxY + noise, 13));
    }

    [Fact]
    public void TileRange_IncludesPartiallyCoveredTiles()
    {
        var b = WebMercatorQuad.TileBounds(new TileAddress(4, 5, 6));
        var r = WebMercatorQuad.TileRange(b.MinX + 1, b.MinY - 1, b.MaxX + 1, b.MaxY - 1, 4);
        Assert.Equal((5, 6, 6, 7), r);
    }

    [Fact]
    public void TileRange_ClampsToMatrix()
    {
        var s = WebMercatorQuad.OriginShift;
        Assert.Equal((0, 0, 7, 7), WebMercatorQuad.TileRange(-2 * s, -2 * s, 2 * s, 2 * s, 3));
    }

    [Fact]
    public void TileRange_OfPoint_IsOneTile()
    {
        Assert.Equal((1, 1, 1, 1), WebMercatorQuad.TileRange(0, 0, 0, 0, 1));
        Assert.Equal((2, 1, 2, 1), WebMercatorQuad.TileRange(100, 100, 100, 100, 2));
    }

    [Fact]
    public void TileRange_Throws_WhenExtentInvalidOrOutside()
    {
        var s = WebMercatorQuad.OriginShift;
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.TileRange(10, 0, 0, 10, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.TileRange(double.NaN, 0, 0, 10, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.TileRange(0, 0, 10, 10, 25));
        Assert.Throws<ArgumentException>(() => WebMercatorQuad.TileRange(s, 0, s + 10, 10, 3));
    }

    [Fact]
    public void MinZoomFor_FitsExtentInOneTile()
    {
        // A CBERS-4 MUX scene is about 120 km across: z8 tiles are 156 km, z9 tiles 78 km.
        Assert.Equal(8, WebMercatorQuad.MinZoomFor(0, 0, 120_000, 110_000));
        Assert.Equal(0, WebMercatorQuad.MinZoomFor(-WebMercatorQuad.OriginShift, 0, WebMercatorQuad.OriginShift, 1));
        var span13 = 2 * WebMercatorQuad.OriginShift / (1 << 13);
        Assert.Equal(13, WebMercatorQuad.MinZoomFor(0, 0, span13, span13));
        Assert.Equal(9, WebMercatorQuad.MinZoomFor(0, 0, 120_000, 110_000, tilesAcross: 2));
        Assert.Equal(24, WebMercatorQuad.MinZoomFor(5, 5, 5, 5));
    }

    [Fact]
    public void MinZoomFor_Throws_WhenTilesAcrossNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebMercatorQuad.MinZoomFor(0, 0, 1, 1, 0));
    }
}

using System.Buffers.Binary;

namespace EarthData.Gdal.Tests;

public sealed class GdalPolygonizerTests
{
    private static GdalDataset CreateBlock(GdalDataType type = GdalDataType.Byte)
    {
        // 6×6 zeros with a 2×2 block of ones at columns 2-3, rows 1-2.
        var dataset = GdalDataset.Create("MEM", string.Empty, 6, 6, 1, type);
        var pixels = new byte[36];
        foreach (var (col, row) in new[] { (2, 1), (3, 1), (2, 2), (3, 2) })
        {
            pixels[(row * 6) + col] = 1;
        }

        dataset.GetBand(1).Write(0, 0, 6, 6, (ReadOnlySpan<byte>)pixels);
        dataset.GeoTransform = new GeoTransform(1000, 10, 0, 2000, 0, -10);
        return dataset;
    }

    /// <summary>Decodes an NDR WKB polygon into its rings.</summary>
    private static List<(double X, double Y)[]> DecodePolygon(byte[] wkb)
    {
        Assert.Equal(1, wkb[0]);
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(wkb.AsSpan(1)));
        var ringCount = BinaryPrimitives.ReadInt32LittleEndian(wkb.AsSpan(5));
        var offset = 9;
        var rings = new List<(double X, double Y)[]>();
        for (var r = 0; r < ringCount; r++)
        {
            var points = new (double X, double Y)[BinaryPrimitives.ReadInt32LittleEndian(wkb.AsSpan(offset))];
            offset += 4;
            for (var p = 0; p < points.Length; p++)
            {
                points[p] = (BinaryPrimitives.ReadDoubleLittleEndian(wkb.AsSpan(offset)), BinaryPrimitives.ReadDoubleLittleEndian(wkb.AsSpan(offset + 8)));
                offset += 16;
            }

            rings.Add(points);
        }

        Assert.Equal(wkb.Length, offset);
        return rings;
    }

    private static double Area((double X, double Y)[] ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            sum += (ring[i].X * ring[i + 1].Y) - (ring[i + 1].X * ring[i].Y);
        }

        return Math.Abs(sum) / 2;
    }

    [Theory]
    [InlineData(GdalDataType.Byte)]
    [InlineData(GdalDataType.Float32)]
    public void Polygonize_BlockOfOnes_GivesGeoreferencedSquare(GdalDataType type)
    {
        using var dataset = CreateBlock(type);

        var features = GdalPolygonizer.Polygonize(dataset.GetBand(1));

        var block = Assert.Single(features, f => f.Value == 1);
        var ring = Assert.Single(DecodePolygon(block.Wkb));
        Assert.Equal(5, ring.Length);
        Assert.Equal(ring[0], ring[^1]);
        Assert.Equal(400, Area(ring), 9);
        Assert.Equal(1020, ring.Min(p => p.X));
        Assert.Equal(1040, ring.Max(p => p.X));
        Assert.Equal(1970, ring.Min(p => p.Y));
        Assert.Equal(1990, ring.Max(p => p.Y));

        var background = Assert.Single(features, f => f.Value == 0);
        var rings = DecodePolygon(background.Wkb);
        Assert.Equal(2, rings.Count);
        Assert.Equal(3600 - 400, Area(rings[0]) - Area(rings[1]), 9);
    }

    [Fact]
    public void Polygonize_WithMask_SkipsMaskedPixels()
    {
        using var dataset = CreateBlock();
        var band = dataset.GetBand(1);
        band.NoDataValue = 0;

        var features = GdalPolygonizer.Polygonize(band, band.GetMaskBand());

        var only = Assert.Single(features);
        Assert.Equal(1, only.Value);
    }

    [Fact]
    public void Polygonize_EightConnected_JoinsDiagonalPixels()
    {
        using var dataset = GdalDataset.Create("MEM", string.Empty, 3, 3, 1, GdalDataType.Byte);
        dataset.GetBand(1).Write(0, 0, 3, 3, (ReadOnlySpan<byte>)[1, 0, 0, 0, 1, 0, 0, 0, 0]);

        var fourConnected = GdalPolygonizer.Polygonize(dataset.GetBand(1));
        var eightConnected = GdalPolygonizer.Polygonize(dataset.GetBand(1), eightConnected: true);

        Assert.Equal(2, fourConnected.Count(f => f.Value == 1));
        Assert.Single(eightConnected, f => f.Value == 1);
    }

    [Fact]
    public void Polygonize_ThrowsOperationCanceled_WhenTokenCancelled()
    {
        using var dataset = CreateBlock();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GdalPolygonizer.Polygonize(dataset.GetBand(1), cancellationToken: cts.Token));
    }
}

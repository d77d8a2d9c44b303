using System.Runtime.CompilerServices;

namespace EarthData.Gdal.Tests.Child;

/// <summary>
/// Scenarios that crashed the process before the binding guarded against them. Each prints what it observed and
/// returns 0 only when the binding behaved (data intact, misuse refused with a managed exception).
/// </summary>
internal static class ChildScenarios
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: EarthData.Gdal.Tests <scenario> [argument]");
            return 64;
        }

        try
        {
            return args[0] switch
            {
                "source-disposed-first" => SourceDisposedFirst(args[1]),
                "stale-overview" => StaleOverview(),
                "undefined-resampling" => UndefinedResampling(),
                "lifetime-orders" => LifetimeScenarios.AllDisposeOrders(),
                "lifetime-finalizer" => LifetimeScenarios.LeaksToFinalizer(),
                _ => Fail($"unknown scenario '{args[0]}'"),
            };
        }
#pragma warning disable CA1031 // Any managed exception is a scenario failure, reported on stdout.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail($"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Disposes the source of a virtual dataset, then reads the virtual dataset (finding 2).</summary>
    private static int SourceDisposedFirst(string kind)
    {
        var source = TestRasters.CreateGeoreferenced(64, 48);
        using var derived = DerivedDatasets.Derive(kind, source);
        var before = DerivedDatasets.ReadAll(derived);
        source.Dispose();
        Collect();
        if (!source.IsClosed)
        {
            return Fail($"{kind}: the disposed source does not say it is closed");
        }

        try
        {
            _ = source.Width;
            return Fail($"{kind}: the disposed source still answers");
        }
        catch (ObjectDisposedException)
        {
        }

        var after = DerivedDatasets.ReadAll(derived);
        return before.AsSpan().SequenceEqual(after) ? Ok($"{kind}: same data after the source was disposed") : Fail($"{kind}: data changed");
    }

    /// <summary>Reads through an overview band obtained before BuildOverviews rebuilt the external .ovr (finding 3).</summary>
    private static int StaleOverview()
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath("ovr.tif");
        using (var created = TestRasters.CreateSequential(64, 64))
        using (var copy = GdalDataset.CreateCopy("GTiff", path, created))
        {
            copy.Close();
        }

        using var dataset = GdalDataset.Open(path);
        dataset.BuildOverviews("NEAREST", [2]);
        var overview = dataset.GetBand(1).GetOverview(0);
        var mask = overview.GetMaskBand();
        dataset.BuildOverviews("NEAREST", [2, 4]);
        var buffer = new byte[32 * 32];
        try
        {
            overview.Read(0, 0, 32, 32, (Span<byte>)buffer);
            return Fail("the stale overview band was read");
        }
        catch (ObjectDisposedException ex) when (ex.Message.Contains("BuildOverviews", StringComparison.Ordinal))
        {
        }

        try
        {
            mask.Read(0, 0, 32, 32, (Span<byte>)buffer);
            return Fail("the stale mask band of an overview was read");
        }
        catch (ObjectDisposedException)
        {
        }

        var fresh = dataset.GetBand(1).GetOverview(0);
        fresh.Read(0, 0, 32, 32, (Span<byte>)buffer);
        return Ok($"stale overview and mask refused; a fresh overview reads (first value {buffer[0]})");
    }

    /// <summary>A resampled read with every undefined resampling value (finding 4).</summary>
    private static int UndefinedResampling()
    {
        using var dataset = TestRasters.CreateSequential(64, 64);
        var band = dataset.GetBand(1);
        var buffer = new byte[32 * 32];
        int[] undefined = [8, 9, 10, 11, 12, 13, 15, 99, -1, int.MinValue];
        foreach (var value in undefined)
        {
            try
            {
                band.Read(0, 0, 64, 64, (Span<byte>)buffer, 32, 32, (ResampleAlgorithm)value);
                return Fail($"resampling {value} was accepted");
            }
            catch (ArgumentOutOfRangeException)
            {
                Console.WriteLine($"band read: resampling {value} refused");
            }

            try
            {
                dataset.Read(0, 0, 64, 64, (Span<byte>)buffer, 32, 32, default, (ResampleAlgorithm)value);
                return Fail($"resampling {value} was accepted by the dataset read");
            }
            catch (ArgumentOutOfRangeException)
            {
                Console.WriteLine($"dataset read: resampling {value} refused");
            }
        }

        return Ok("every undefined resampling value refused");
    }

    /// <summary>Forces full collections with finalizers run in between.</summary>
    internal static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
    }

    internal static int Ok(string message)
    {
        Console.WriteLine($"ok: {message}");
        return 0;
    }

    internal static int Fail(string message)
    {
        Console.WriteLine($"FAIL: {message}");
        return 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void KeepAlive(object? value) => GC.KeepAlive(value);
}

using System.Runtime.CompilerServices;

namespace EarthData.Gdal.Tests.Child;

/// <summary>
/// A source S, a virtual dataset A over S, B over A and C over S, disposed in every order or leaked to the
/// finalizer in every combination; every dataset still open must read the data it read at the start.
/// </summary>
internal static class LifetimeScenarios
{
    private const int Count = 4;

    public static int AllDisposeOrders()
    {
        var cases = 0;
        foreach (var kind in DerivedDatasets.Kinds)
        {
            foreach (var order in Permutations([0, 1, 2, 3]))
            {
                var datasets = Build(kind);
                var expected = ReadEach(datasets);
                var open = new bool[Count];
                Array.Fill(open, true);
                foreach (var index in order)
                {
                    datasets[index].Dispose();
                    open[index] = false;
                    Verify(kind, $"order {string.Join(",", order)}", datasets, expected, open);
                }

                cases++;
            }
        }

        return ChildScenarios.Ok($"{cases} dispose orders over {DerivedDatasets.Kinds.Length} kinds of virtual dataset");
    }

    public static int LeaksToFinalizer()
    {
        var cases = 0;
        foreach (var kind in DerivedDatasets.Kinds)
        {
            for (var leaked = 0; leaked < 1 << Count; leaked++)
            {
                var (kept, expected) = BuildAndLeak(kind, leaked);
                ChildScenarios.Collect();
                var open = new bool[Count];
                for (var i = 0; i < Count; i++)
                {
                    open[i] = kept[i] is not null;
                }

                Verify(kind, $"leaked mask {leaked}", kept, expected, open);
                foreach (var dataset in kept)
                {
                    dataset?.Dispose();
                }

                cases++;
            }
        }

        // Everything leaked at once, several times over, with the finalizer thread doing all the closing.
        for (var round = 0; round < 8; round++)
        {
            foreach (var kind in DerivedDatasets.Kinds)
            {
                _ = BuildAndLeak(kind, (1 << Count) - 1);
            }
        }

        ChildScenarios.Collect();
        return ChildScenarios.Ok($"{cases} leak combinations survived forced collections");
    }

    private static GdalDataset[] Build(string kind)
    {
        var source = TestRasters.CreateGeoreferenced(64, 48);
        var a = DerivedDatasets.Derive(kind, source);
        var b = GdalUtilities.BuildVrt(string.Empty, [a], []);
        var c = DerivedDatasets.Derive(kind, source);
        return [source, a, b, c];
    }

    /// <summary>Builds the four datasets and drops the ones whose bit is set in <paramref name="leaked"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (GdalDataset?[] Kept, float[][] Expected) BuildAndLeak(string kind, int leaked)
    {
        var datasets = Build(kind);
        var expected = ReadEach(datasets);
        var kept = new GdalDataset?[Count];
        for (var i = 0; i < Count; i++)
        {
            kept[i] = (leaked & (1 << i)) == 0 ? datasets[i] : null;
        }

        return (kept, expected);
    }

    private static float[][] ReadEach(GdalDataset[] datasets)
    {
        var values = new float[Count][];
        for (var i = 0; i < Count; i++)
        {
            values[i] = DerivedDatasets.ReadAll(datasets[i]);
        }

        return values;
    }

    private static void Verify(string kind, string step, GdalDataset?[] datasets, float[][] expected, bool[] open)
    {
        for (var i = 0; i < Count; i++)
        {
            if (!open[i])
            {
                continue;
            }

            var actual = DerivedDatasets.ReadAll(datasets[i]!);
            if (!actual.AsSpan().SequenceEqual(expected[i]))
            {
                throw new InvalidOperationException($"{kind}, {step}: dataset {i} read different data.");
            }
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}

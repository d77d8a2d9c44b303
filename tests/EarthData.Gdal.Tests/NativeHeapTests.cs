using System.Globalization;
using System.Runtime.InteropServices;

namespace EarthData.Gdal.Tests;

public class NativeHeapTests
{
    [Fact]
    public void Trim_ReturnsFreePagesBetweenLiveBlocksToTheSystem()
    {
        Assert.True(OperatingSystem.IsLinux(), "EarthData's native heap management targets glibc on Linux");
        // A 4 MiB block freed raises glibc's mmap threshold, so the 512 KiB blocks below come from the arena; every
        // other one is freed, between live ones: free() cannot return those pages (nothing at the heap's top is free).
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(4 * 1024 * 1024)); // malloc / free on Linux
        var ones = new byte[512 * 1024];
        Array.Fill(ones, (byte)1);
        var blocks = new List<nint>();
        for (var i = 0; i < 128; i++)
        {
            var block = Marshal.AllocHGlobal(ones.Length);
            Marshal.Copy(ones, 0, block, ones.Length);
            blocks.Add(block);
        }

        for (var i = 0; i < blocks.Count; i += 2)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        var before = Rss(blocks[1]);
        var released = NativeHeap.Trim();
        var after = Rss(blocks[1]);

        for (var i = 1; i < blocks.Count; i += 2)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        Assert.True(released, "malloc_trim released nothing");
        Assert.True(before - after > 24L * 1024 * 1024, $"the heap holding the blocks: {before / 1048576} MiB resident with 32 MiB freed between live blocks, {after / 1048576} MiB after the trim");
    }

    /// <summary>Resident bytes of the mapping that holds <paramref name="address"/> (from /proc/self/smaps).</summary>
    private static long Rss(nint address)
    {
        var lines = File.ReadAllLines("/proc/self/smaps");
        for (var i = 0; i < lines.Length; i++)
        {
            var range = lines[i].Split(' ')[0].Split('-');
            if (range.Length == 2
                && ulong.TryParse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var low)
                && ulong.TryParse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var high)
                && (ulong)address >= low && (ulong)address < high)
            {
                var rss = lines.Skip(i + 1).First(l => l.StartsWith("Rss:", StringComparison.Ordinal));
                return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no mapping holds {address:x}");
    }
}

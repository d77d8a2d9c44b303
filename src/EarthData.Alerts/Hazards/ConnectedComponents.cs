namespace EarthData.Alerts.Hazards;

/// <summary>
/// Minimum mapping unit: keeps the 8-connected regions of a mask that have at least a given number of pixels.
/// Iterative flood fill with an explicit stack (no recursion), O(pixels).
/// </summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Clears, in place, every region of <paramref name="mask"/> (non-zero = set) smaller than
    /// <paramref name="minimumPixels"/>; returns the number of pixels kept and the number of regions kept.
    /// </summary>
    /// <param name="mask">Row-major mask of <paramref name="width"/> × height.</param>
    /// <param name="width">Row length.</param>
    /// <param name="minimumPixels">Smallest region kept (1 keeps everything).</param>
    public static (long Pixels, int Regions) Filter(Span<byte> mask, int width, int minimumPixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumPixels);
        if (mask.Length % width != 0)
        {
            throw new ArgumentException($"The mask length {mask.Length} is not a multiple of the width {width}.", nameof(mask));
        }

        var height = mask.Length / width;
        var labels = new int[mask.Length];
        var stack = new Stack<int>();
        var members = new List<int>();
        var (kept, regions, label) = (0L, 0, 0);
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || labels[start] != 0)
            {
                continue;
            }

            label++;
            members.Clear();
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                members.Add(p);
                var (x, y) = (p % width, p / width);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        var q = (ny * width) + nx;
                        if (mask[q] != 0 && labels[q] == 0)
                        {
                            labels[q] = label;
                            stack.Push(q);
                        }
                    }
                }
            }

            if (members.Count >= minimumPixels)
            {
                kept += members.Count;
                regions++;
            }
            else
            {
                foreach (var p in members)
                {
                    mask[p] = 0;
                }
            }
        }

        return (kept, regions);
    }
}

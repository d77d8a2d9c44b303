namespace EarthData.Alerts.Hazards;

/// <summary>The pixel grid a rule evaluates: size and the ground area of one pixel.</summary>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="PixelAreaKm2">Ground area of one pixel, km² (e.g. 20 m MUX: 0.0004).</param>
public sealed record HazardGrid(int Width, int Height, double PixelAreaKm2)
{
    /// <summary>Pixels in the grid.</summary>
    public int Length => Width * Height;

    /// <summary>Checks that <paramref name="length"/> matches the grid.</summary>
    public void Check(int length, string name)
    {
        if (length != Length)
        {
            throw new ArgumentException($"{name} has {length} pixels; the grid {Width}x{Height} has {Length}.", name);
        }
    }
}

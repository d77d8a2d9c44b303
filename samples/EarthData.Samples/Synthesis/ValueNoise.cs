namespace EarthData.Samples.Synthesis;

/// <summary>
/// Deterministic fractal value noise on the plane: smooth, seedable, allocation-free.
/// Values lie in [0, 1). Used to lay out plausible land-cover patches and texture.
/// </summary>
public sealed class ValueNoise
{
    private readonly uint _seed;
    private readonly int _octaves;
    private readonly double _baseWavelength;

    /// <summary>Creates noise with <paramref name="octaves"/> octaves whose coarsest feature spans <paramref name="baseWavelength"/> units.</summary>
    public ValueNoise(int seed, double baseWavelength, int octaves = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseWavelength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(octaves);
        _seed = unchecked((uint)seed * 0x9E3779B1u + 0x7F4A7C15u);
        _octaves = octaves;
        _baseWavelength = baseWavelength;
    }

    /// <summary>Fractal noise at (<paramref name="x"/>, <paramref name="y"/>), in [0, 1).</summary>
    public double Sample(double x, double y)
    {
        double sum = 0, amplitude = 1, norm = 0, frequency = 1 / _baseWavelength;
        for (var o = 0; o < _octaves; o++)
        {
            sum += amplitude * Lattice(x * frequency, y * frequency, (uint)o);
            norm += amplitude;
            amplitude *= 0.5;
            frequency *= 2;
        }

        return sum / norm;
    }

    private double Lattice(double x, double y, uint octave)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var fx = Smooth(x - x0);
        var fy = Smooth(y - y0);
        var ix = (int)x0;
        var iy = (int)y0;
        var a = Hash(ix, iy, octave);
        var b = Hash(ix + 1, iy, octave);
        var c = Hash(ix, iy + 1, octave);
        var d = Hash(ix + 1, iy + 1, octave);
        var top = a + ((b - a) * fx);
        var bottom = c + ((d - c) * fx);
        return top + ((bottom - top) * fy);
    }

    private static double Smooth(double t) => t * t * (3 - (2 * t));

    private double Hash(int x, int y, uint octave)
    {
        unchecked
        {
            var h = _seed ^ (octave * 0x27D4EB2Fu);
            h ^= (uint)x * 0x85EBCA6Bu;
            h = (h << 13) | (h >> 19);
            h ^= (uint)y * 0xC2B2AE35u;
            h ^= h >> 16;
            h *= 0x7FEB352Du;
            h ^= h >> 15;
            h *= 0x846CA68Bu;
            h ^= h >> 16;
            return (h >> 8) * (1.0 / (1 << 24));
        }
    }
}

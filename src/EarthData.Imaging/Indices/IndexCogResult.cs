using EarthData.Core.Indices;

namespace EarthData.Imaging.Indices;

/// <summary>What <see cref="IndexCogWriter.Write"/> did.</summary>
/// <param name="Written">The indices whose COG was written (<see cref="IndexCogWriter.FileName"/> in the output directory), in request order.</param>
/// <param name="Unavailable">The requested indices the scene does not allow, by asset key, with the reason (e.g. no SWIR band, no calibration).</param>
public sealed record IndexCogResult(IReadOnlyList<SpectralIndex> Written, IReadOnlyDictionary<string, string> Unavailable);

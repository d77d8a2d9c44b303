using EarthData.Core.Scenes;

namespace EarthData.Core.Metadata;

/// <summary>
/// The content of one INPE per-band metadata file (<c>{SCENE_ID}_BAND{n}.xml</c>). Immutable.
/// Combine the files of a scene with <see cref="SceneMetadata.Merge"/>.
/// </summary>
public sealed record InpeBandMetadata
{
    /// <summary>Where the metadata was read from (file name or caller-given source name); used in error messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>The scene, derived from the content: satellite, instrument, viewing centre date, path, row and level.</summary>
    public required SceneId SceneId { get; init; }

    /// <summary>The band the file describes (from the <c>image/band{n}</c> element, else the file name).</summary>
    public required int Band { get; init; }

    /// <summary>One block per camera head: one for single-optics files, left then right for CBERS-4A WFI.</summary>
    public required IReadOnlyList<OpticsMetadata> Cameras { get; init; }

    /// <summary>The first camera block (the left head for CBERS-4A WFI).</summary>
    public OpticsMetadata Primary => Cameras[0];

    /// <summary>The absolute calibration coefficient of <see cref="Band"/>, when the file has one.</summary>
    public double? AbsoluteCalibrationCoefficient =>
        Primary.AbsoluteCalibrationCoefficients.TryGetValue(Band, out var value) ? value : null;
}

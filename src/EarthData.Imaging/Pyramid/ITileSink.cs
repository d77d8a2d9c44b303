using EarthData.Core.Tiling;

namespace EarthData.Imaging.Pyramid;

/// <summary>Receives encoded tiles from <see cref="PyramidBuilder"/>.</summary>
/// <remarks>Implementations must accept concurrent calls from several worker threads.</remarks>
public interface ITileSink
{
    /// <summary>The file extension tiles are stored with, without the dot (e.g. <c>png</c>).</summary>
    string Extension { get; }

    /// <summary>Stores one encoded tile; the span is only valid during the call.</summary>
    /// <param name="tile">The tile's address.</param>
    /// <param name="data">The encoded image.</param>
    void Write(TileAddress tile, ReadOnlySpan<byte> data);
}

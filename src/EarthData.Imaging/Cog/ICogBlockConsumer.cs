namespace EarthData.Imaging.Cog;

/// <summary>A product computed from the native blocks of a COG during one <see cref="CogBlockPass"/>.</summary>
internal interface ICogBlockConsumer
{
    /// <summary>The 1-based bands the consumer reads (the pass reads the union once per block).</summary>
    IReadOnlyList<int> Bands { get; }

    /// <summary>Takes one block; called from the pass's thread, in row-major block order.</summary>
    void Add(CogBlock block);
}

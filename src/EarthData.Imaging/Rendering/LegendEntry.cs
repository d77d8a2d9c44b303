namespace EarthData.Imaging.Rendering;

/// <summary>
/// One line of a <see cref="Legend"/>: a gradient stop (<see cref="Value"/>), a class (<see cref="From"/> inclusive to
/// <see cref="To"/> exclusive, either open) or a composite channel (its stretch <see cref="From"/>–<see cref="To"/>),
/// with the colour tiles draw for it.
/// </summary>
/// <param name="Label">Human label, e.g. <c>0.15 – 0.3</c> or <c>red: band 3 (red)</c>.</param>
/// <param name="Value">The data value of a gradient stop.</param>
/// <param name="From">Lower bound of a class or channel stretch (null: unbounded).</param>
/// <param name="To">Upper bound of a class or channel stretch (null: unbounded).</param>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
/// <param name="A">Alpha.</param>
public readonly record struct LegendEntry(string Label, double? Value, double? From, double? To, byte R, byte G, byte B, byte A)
{
    /// <summary>The colour as <c>#rrggbb</c> (opaque) or <c>#rrggbbaa</c>.</summary>
    public string Hex => A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";
}

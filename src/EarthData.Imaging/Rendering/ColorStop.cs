namespace EarthData.Imaging.Rendering;

/// <summary>One colour of a <see cref="ColorMap"/> ramp, anchored at a data value.</summary>
/// <param name="Value">Data value at which the colour applies (or from which a class starts, for class maps).</param>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
/// <param name="A">Alpha (255 = opaque).</param>
public readonly record struct ColorStop(double Value, byte R, byte G, byte B, byte A = 255);

using EarthData.Core.Alerts;

namespace EarthData.Jobs.Alerts;

/// <summary>A baseline computed for one evaluation, before it is stored: its inputs and its layers (one COG band each, on the scene grid).</summary>
/// <param name="Inputs">What it was built from.</param>
/// <param name="Layers">Band name and per-pixel values (NaN: no value).</param>
internal sealed record BaselineDraft(BaselineInputs Inputs, IReadOnlyList<(string Name, float[] Values)> Layers);

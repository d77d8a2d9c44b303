namespace EarthData.Core.Metadata;

/// <summary>A begin/centre/end time triple from INPE metadata (<c>viewing</c> or <c>image/timeStamp</c>), all UTC.</summary>
/// <param name="Begin">First line time, UTC.</param>
/// <param name="Center">Centre line time, UTC.</param>
/// <param name="End">Last line time, UTC.</param>
public sealed record AcquisitionWindow(DateTime Begin, DateTime Center, DateTime End);

using System.Globalization;

namespace EarthData.Core.Alerts;

/// <summary>A window of the year around a day: <paramref name="Center"/> ± <paramref name="HalfWidthDays"/> days, wrapping at the year's end.</summary>
/// <param name="Center">Day of the year, 1–366.</param>
/// <param name="HalfWidthDays">Days either side, 0–183.</param>
public sealed record DayOfYearWindow(int Center, int HalfWidthDays)
{
    /// <summary>Whether <paramref name="date"/> falls in the window (distance measured round the 365-day year).</summary>
    public bool Contains(DateOnly date)
    {
        var difference = Math.Abs(date.DayOfYear - Center);
        return Math.Min(difference, 365 - difference) <= HalfWidthDays;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Center}±{HalfWidthDays}");
}

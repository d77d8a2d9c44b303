namespace EarthData.Core.Catalog;

/// <summary>Type of a CQL2 scalar literal.</summary>
public enum CqlLiteralKind
{
    /// <summary>A JSON number (<see cref="double"/>).</summary>
    Number,

    /// <summary>A string.</summary>
    Text,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A <c>{"timestamp"}</c> or <c>{"date"}</c> literal (<see cref="DateTime"/>, UTC).</summary>
    Timestamp,
}

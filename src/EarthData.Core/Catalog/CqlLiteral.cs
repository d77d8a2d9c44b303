using System.Globalization;

namespace EarthData.Core.Catalog;

/// <summary>A scalar CQL2 literal: <see cref="Value"/> is a <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or UTC <see cref="DateTime"/>.</summary>
public sealed record CqlLiteral
{
    private CqlLiteral(CqlLiteralKind kind, object value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The literal's type.</summary>
    public CqlLiteralKind Kind { get; }

    /// <summary>The value.</summary>
    public object Value { get; }

    /// <summary>A number.</summary>
    public static CqlLiteral Number(double value) => new(CqlLiteralKind.Number, value);

    /// <summary>A string.</summary>
    public static CqlLiteral Text(string value) => new(CqlLiteralKind.Text, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A boolean.</summary>
    public static CqlLiteral Boolean(bool value) => new(CqlLiteralKind.Boolean, value);

    /// <summary>An instant (converted to UTC).</summary>
    public static CqlLiteral Timestamp(DateTime value) => new(
        CqlLiteralKind.Timestamp, value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <inheritdoc />
    public override string ToString() => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty;
}

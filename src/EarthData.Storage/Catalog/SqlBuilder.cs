namespace EarthData.Storage.Catalog;

/// <summary>Collects the parameters of one SQL command; SQL text only ever holds the placeholders it hands out.</summary>
internal sealed class SqlBuilder
{
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>
    /// While a dialect translates a filter part whose JSON properties it reads once per row: each property read so far
    /// and the number of its per-row columns; null otherwise (see <see cref="CatalogSqlDialect.ReadPropertiesOnce"/>).
    /// </summary>
    public Dictionary<string, int>? BoundProperties { get; set; }

    /// <summary>Adds a parameter and returns its placeholder (<c>@p0</c>, …).</summary>
    public string Param(object? value)
    {
        var name = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }
}

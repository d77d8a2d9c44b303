namespace EarthData.Storage.Catalog;

/// <summary>Collects the parameters of one SQL command; SQL text only ever holds the placeholders it hands out.</summary>
internal sealed class SqlBuilder
{
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>
    /// While a dialect translates a filter part whose JSON properties it reads once per row (see
    /// <see cref="CatalogSqlDialect.ReadPropertiesOnce"/>): the number of each property read so far, and the per-row
    /// columns the part refers to (alias → expression, in order); null otherwise.
    /// </summary>
    public (Dictionary<string, int> Properties, Dictionary<string, string> Columns)? Bound { get; set; }

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>Adds a parameter and returns its placeholder (<c>@p0</c>, …); a text given before gets its placeholder again.</summary>
    public string Param(object? value)
    {
        if (value is string text && _texts.TryGetValue(text, out var known))
        {
            return known;
        }

        var name = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        if (value is string added)
        {
            _texts[added] = name;
        }

        return name;
    }
}

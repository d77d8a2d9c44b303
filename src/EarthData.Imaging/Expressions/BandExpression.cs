namespace EarthData.Imaging.Expressions;

/// <summary>
/// Band math over <c>b1…bN</c> — numbers, <c>+ - * / ^</c>, unary minus, parentheses and the functions <c>abs</c>,
/// <c>sqrt</c>, <c>log</c>, <c>exp</c>, <c>min</c>, <c>max</c> — parsed into a tree (never compiled or evaluated as
/// code) and evaluated over whole tiles. Division by zero and other undefined results give NaN or ±∞, which renderers
/// treat as no data.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxLength"/> characters, <see cref="MaxDepth"/> levels of nesting and
/// <see cref="MaxNodes"/> terms, so a hostile expression cannot exhaust the stack or the CPU. Immutable and thread-safe.
/// </remarks>
public sealed class BandExpression
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The deepest nesting accepted (parentheses, operators and function calls).</summary>
    public const int MaxDepth = 16;

    /// <summary>The most numbers, band references, operators and calls accepted.</summary>
    public const int MaxNodes = 64;

    private readonly ExpressionNode _root;

    private BandExpression(string text, ExpressionNode root, IReadOnlyList<int> bands)
    {
        Text = text;
        _root = root;
        Bands = bands;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>The 1-based band numbers it reads, ascending.</summary>
    public IReadOnlyList<int> Bands { get; }

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression, e.g. <c>(b4-b3)/(b4+b3)</c>.</param>
    /// <param name="bandCount">The bands available: references beyond it are rejected; 0 skips the check.</param>
    /// <exception cref="InvalidExpressionException">It is empty, too long, too deep, malformed, or names a band that does not exist.</exception>
    public static BandExpression Parse(string text, int bandCount = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, bands) = ExpressionParser.Parse(text, bandCount);
        return new BandExpression(text, root, bands);
    }

    /// <summary>Evaluates the expression for every pixel.</summary>
    /// <param name="bands">Planes indexed by band number − 1, each at least as long as <paramref name="output"/>; entries of bands not in <see cref="Bands"/> may be null.</param>
    /// <param name="output">Receives one value per pixel.</param>
    /// <exception cref="ArgumentException">A band the expression reads has no plane, or a plane is too short.</exception>
    public void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(bands);
        foreach (var band in Bands)
        {
            if (band > bands.Count || bands[band - 1] is not { } plane || plane.Length < output.Length)
            {
                throw new ArgumentException($"The expression reads b{band}, but no plane of {output.Length} samples was given for it.", nameof(bands));
            }
        }

        _root.Evaluate(bands, output);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

using EarthData.Imaging.Expressions;

namespace EarthData.Imaging.Tests.Expressions;

public class BandExpressionTests
{
    private static float Evaluate(string text, params float[] bands)
    {
        var expression = BandExpression.Parse(text, bands.Length);
        var planes = bands.Select(b => (float[]?)Enumerable.Repeat(b, 40).ToArray()).ToArray();
        var output = new float[40];
        expression.Evaluate(planes, output);
        Assert.All(output, v => Assert.Equal(output[0], v));
        return output[0];
    }

    [Theory]
    [InlineData("(b4-b3)/(b4+b3)", 0.6f)]
    [InlineData("b1 + b2 * b3", 1 + (2 * 20))]
    [InlineData("-b1 + 10", 9)]
    [InlineData("2.5 * ((b4 - b3) / (b4 + 6*b3 - 7.5*b1 + 1))", 2.5f * (80f - 20f) / (80f + 120f - 7.5f + 1f))]
    [InlineData("b2 ^ 2", 4)]
    [InlineData("-b2 ^ 2", -4)]
    [InlineData("abs(b1 - b3) + sqrt(b4 - b4 + 16) + min(b1, b2) + max(b1, b2)", 19 + 4 + 1 + 2)]
    [InlineData("B4/b3", 4)]
    public void Evaluate_ComputesTheArithmetic_OverWholePlanes(string text, float expected)
    {
        Assert.Equal(expected, Evaluate(text, 1, 2, 20, 80), 4);
    }

    [Fact]
    public void Evaluate_DivisionByZero_IsNotFinite()
    {
        Assert.False(float.IsFinite(Evaluate("(b1-b2)/(b1+b2)", 0, 0)));
    }

    [Fact]
    public void Bands_AreTheReferencedBandsAscending()
    {
        Assert.Equal([2, 3, 7], BandExpression.Parse("b7/b3 + b2 - b3").Bands);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("1 + 2", "reads no band")]
    [InlineData("b1 +", "ends where")]
    [InlineData("(b1", "expected ')'")]
    [InlineData("b1)", "unexpected ')'")]
    [InlineData("b0", "'b0' is not a band")]
    [InlineData("b5", "'b5' does not exist")]
    [InlineData("system(b1)", "neither a band")]
    [InlineData("b1; rm -rf /", "unexpected ';'")]
    [InlineData("b1 + 1.2.3", "'1.2.3' is not a number")]
    [InlineData("min(b1)", "expected ','")]
    public void Parse_RejectsMalformedText_WithThePosition(string text, string message)
    {
        var ex = Assert.Throws<InvalidExpressionException>(() => BandExpression.Parse(text, 4));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsTooLongTooDeepAndTooManyTerms()
    {
        Assert.Contains("at most 256", Assert.Throws<InvalidExpressionException>(() => BandExpression.Parse(new string(' ', 250) + "b1 + b1 + b1")).Message, StringComparison.Ordinal);
        var deep = new string('(', 9) + "b1" + new string(')', 9);
        Assert.Contains("nests deeper", Assert.Throws<InvalidExpressionException>(() => BandExpression.Parse(deep)).Message, StringComparison.Ordinal);
        Assert.Equal([1], BandExpression.Parse(new string('(', 7) + "b1" + new string(')', 7)).Bands);
        var unaryChain = new string('-', 20) + "b1";
        Assert.Contains("nests deeper", Assert.Throws<InvalidExpressionException>(() => BandExpression.Parse(unaryChain)).Message, StringComparison.Ordinal);
        var many = string.Join("+", Enumerable.Repeat("b1", 40));
        Assert.Contains("more than 64 terms", Assert.Throws<InvalidExpressionException>(() => BandExpression.Parse(many)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RejectsMissingPlanes()
    {
        var expression = BandExpression.Parse("b1 + b2");
        Assert.Throws<ArgumentException>(() => expression.Evaluate([new float[4]], new float[4]));
    }
}

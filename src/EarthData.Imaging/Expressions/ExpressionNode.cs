using System.Numerics;

namespace EarthData.Imaging.Expressions;

/// <summary>A node of a parsed band-math expression, evaluated over whole planes of pixels at once.</summary>
internal abstract class ExpressionNode
{
    /// <summary>Writes the node's value for every pixel into <paramref name="output"/>.</summary>
    /// <param name="bands">Planes of the referenced bands, indexed by band number − 1 (null for bands not read).</param>
    /// <param name="output">One value per pixel.</param>
    public abstract void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output);
}

/// <summary>A number.</summary>
internal sealed class ConstantNode(float value) : ExpressionNode
{
    public float Value { get; } = value;

    public override void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output) => output.Fill(Value);
}

/// <summary><c>bN</c>: the samples of band N (1-based).</summary>
internal sealed class BandNode(int band) : ExpressionNode
{
    public int Band { get; } = band;

    public override void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output) =>
        bands[Band - 1].AsSpan(0, output.Length).CopyTo(output);
}

/// <summary>Unary minus.</summary>
internal sealed class NegateNode(ExpressionNode operand) : ExpressionNode
{
    public override void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output)
    {
        operand.Evaluate(bands, output);
        foreach (ref var v in output)
        {
            v = -v;
        }
    }
}

/// <summary>A binary operator or two-argument function: + − × ÷ ^ min max.</summary>
internal sealed class BinaryNode(char op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output)
    {
        left.Evaluate(bands, output);
        var scratch = System.Buffers.ArrayPool<float>.Shared.Rent(output.Length);
        try
        {
            var r = scratch.AsSpan(0, output.Length);
            right.Evaluate(bands, r);
            Combine(output, r);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private void Combine(Span<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && op is '+' or '-' or '*' or '/' or 'm' or 'M')
        {
            var width = Vector<float>.Count;
            for (; i <= a.Length - width; i += width)
            {
                var x = new Vector<float>(a[i..]);
                var y = new Vector<float>(b[i..]);
                var z = op switch
                {
                    '+' => x + y,
                    '-' => x - y,
                    '*' => x * y,
                    '/' => x / y,
                    'm' => Vector.Min(x, y),
                    _ => Vector.Max(x, y),
                };
                z.CopyTo(a[i..]);
            }
        }

        for (; i < a.Length; i++)
        {
            a[i] = op switch
            {
                '+' => a[i] + b[i],
                '-' => a[i] - b[i],
                '*' => a[i] * b[i],
                '/' => a[i] / b[i],
                'm' => MathF.Min(a[i], b[i]),
                'M' => MathF.Max(a[i], b[i]),
                _ => MathF.Pow(a[i], b[i]),
            };
        }
    }
}

/// <summary>A one-argument function: abs, sqrt, log (natural), exp.</summary>
internal sealed class FunctionNode(string name, ExpressionNode argument) : ExpressionNode
{
    public override void Evaluate(IReadOnlyList<float[]?> bands, Span<float> output)
    {
        argument.Evaluate(bands, output);
        foreach (ref var v in output)
        {
            v = name switch
            {
                "abs" => MathF.Abs(v),
                "sqrt" => MathF.Sqrt(v),
                "log" => MathF.Log(v),
                _ => MathF.Exp(v),
            };
        }
    }
}

using System.Globalization;

namespace EarthData.Imaging.Expressions;

/// <summary>
/// Recursive-descent parser of <see cref="BandExpression"/>:
/// <c>sum := product (('+'|'-') product)*</c>, <c>product := unary (('*'|'/') unary)*</c>,
/// <c>unary := '-' unary | power</c>, <c>power := primary ('^' unary)?</c>,
/// <c>primary := number | bN | name '(' sum (',' sum)? ')' | '(' sum ')'</c>.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly HashSet<string> OneArgument = new(StringComparer.Ordinal) { "abs", "sqrt", "log", "exp" };
    private static readonly HashSet<string> TwoArguments = new(StringComparer.Ordinal) { "min", "max" };

    private readonly string _text;
    private readonly int _bandCount;
    private readonly SortedSet<int> _bands = [];
    private int _position;
    private int _depth;
    private int _nodes;

    private ExpressionParser(string text, int bandCount)
    {
        _text = text;
        _bandCount = bandCount;
    }

    public static (ExpressionNode Root, IReadOnlyList<int> Bands) Parse(string text, int bandCount)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidExpressionException("the expression is empty");
        }

        if (text.Length > BandExpression.MaxLength)
        {
            throw new InvalidExpressionException($"the expression is {text.Length} characters long; at most {BandExpression.MaxLength} are accepted");
        }

        var parser = new ExpressionParser(text, bandCount);
        var root = parser.Sum();
        parser.SkipSpaces();
        if (parser._position < text.Length)
        {
            throw new InvalidExpressionException($"unexpected '{text[parser._position]}'", parser._position);
        }

        if (parser._bands.Count == 0)
        {
            throw new InvalidExpressionException("the expression reads no band (use b1, b2, …)");
        }

        return (root, [.. parser._bands]);
    }

    private ExpressionNode Sum()
    {
        Enter();
        var node = Product();
        while (Accept('+') || Accept('-'))
        {
            var op = _text[_position - 1];
            node = Count(new BinaryNode(op, node, Product()));
        }

        _depth--;
        return node;
    }

    private ExpressionNode Product()
    {
        var node = Unary();
        while (Accept('*') || Accept('/'))
        {
            var op = _text[_position - 1];
            node = Count(new BinaryNode(op, node, Unary()));
        }

        return node;
    }

    private ExpressionNode Unary()
    {
        if (Accept('-'))
        {
            Enter();
            var operand = Unary();
            _depth--;
            return Count(new NegateNode(operand));
        }

        var node = Primary();
        if (Accept('^'))
        {
            Enter();
            var exponent = Unary();
            _depth--;
            node = Count(new BinaryNode('^', node, exponent));
        }

        return node;
    }

    private ExpressionNode Primary()
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw new InvalidExpressionException("the expression ends where a number, band or '(' was expected", _position);
        }

        var start = _position;
        var c = _text[_position];
        if (c == '(')
        {
            _position++;
            Enter();
            var inner = Sum();
            _depth--;
            Expect(')');
            return inner;
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
            {
                _position++;
            }

            var literal = _text[start.._position];
            if (!float.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
            {
                throw new InvalidExpressionException($"'{literal}' is not a number", start);
            }

            return Count(new ConstantNode(value));
        }

        if (char.IsAsciiLetter(c))
        {
            while (_position < _text.Length && char.IsAsciiLetterOrDigit(_text[_position]))
            {
                _position++;
            }

            var name = _text[start.._position].ToLowerInvariant();
            if (name.Length > 1 && name[0] == 'b' && name.Skip(1).All(char.IsAsciiDigit))
            {
                if (!int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var band) || band < 1 || band > 999)
                {
                    throw new InvalidExpressionException($"'{name}' is not a band (b1, b2, …)", start);
                }

                if (_bandCount > 0 && band > _bandCount)
                {
                    throw new InvalidExpressionException($"'{name}' does not exist: the raster has bands b1 to b{_bandCount}", start);
                }

                _bands.Add(band);
                return Count(new BandNode(band));
            }

            return Call(name, start);
        }

        throw new InvalidExpressionException($"unexpected '{c}'", start);
    }

    private ExpressionNode Call(string name, int start)
    {
        var one = OneArgument.Contains(name);
        if (!one && !TwoArguments.Contains(name))
        {
            throw new InvalidExpressionException(
                $"'{name}' is neither a band (b1, b2, …) nor a function ({string.Join(", ", OneArgument.Concat(TwoArguments).Order(StringComparer.Ordinal))})", start);
        }

        Expect('(');
        Enter();
        var first = Sum();
        ExpressionNode node;
        if (one)
        {
            node = new FunctionNode(name, first);
        }
        else
        {
            Expect(',');
            node = new BinaryNode(name == "min" ? 'm' : 'M', first, Sum());
        }

        _depth--;
        Expect(')');
        return Count(node);
    }

    private void Enter()
    {
        if (++_depth > BandExpression.MaxDepth)
        {
            throw new InvalidExpressionException($"the expression nests deeper than {BandExpression.MaxDepth} levels", _position);
        }
    }

    private ExpressionNode Count(ExpressionNode node)
    {
        if (++_nodes > BandExpression.MaxNodes)
        {
            throw new InvalidExpressionException($"the expression has more than {BandExpression.MaxNodes} terms", _position);
        }

        return node;
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!Accept(c))
        {
            throw new InvalidExpressionException(
                _position < _text.Length ? $"expected '{c}' but found '{_text[_position]}'" : $"expected '{c}' at the end", _position);
        }
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }
}

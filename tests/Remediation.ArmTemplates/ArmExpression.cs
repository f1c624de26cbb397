using System.Globalization;
using System.Text;

namespace Remediation.ArmTemplates;

/// <summary>
/// An ARM template language expression (the text between the brackets of <c>"[...]"</c>): literals, function calls
/// (<c>__bicep.name(...)</c> for user-defined functions) and property or index access.
/// </summary>
public abstract record ArmExpression
{
    public static ArmExpression Parse(string text) => new Parser(text).ParseAll();

    private sealed class Parser(string text)
    {
        private int _position;

        public ArmExpression ParseAll()
        {
            var expression = ParseExpression();
            SkipWhitespace();
            if (_position != text.Length) throw Error("unexpected text");
            return expression;
        }

        private ArmExpression ParseExpression()
        {
            SkipWhitespace();
            ArmExpression expression = Peek() switch
            {
                '\'' => new ArmLiteral(ReadString()),
                var c when char.IsAsciiDigit(c) || c == '-' => new ArmLiteral(ReadInteger()),
                var c when IsIdentifierStart(c) => ParseCall(),
                _ => throw Error("expected a literal or a function call"),
            };
            while (true)
            {
                SkipWhitespace();
                if (TryConsume('.'))
                {
                    expression = new ArmAccess(expression, new ArmLiteral(ReadIdentifier()));
                }
                else if (TryConsume('['))
                {
                    var index = ParseExpression();
                    SkipWhitespace();
                    Expect(']');
                    expression = new ArmAccess(expression, index);
                }
                else
                {
                    return expression;
                }
            }
        }

        private ArmCall ParseCall()
        {
            var name = ReadIdentifier();
            if (TryConsume('.')) name += "." + ReadIdentifier();
            SkipWhitespace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipWhitespace();
            if (!TryConsume(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipWhitespace();
                }
                while (TryConsume(','));
                Expect(')');
            }
            return new ArmCall(name, arguments);
        }

        private string ReadString()
        {
            Expect('\'');
            var value = new StringBuilder();
            while (true)
            {
                if (_position >= text.Length) throw Error("unterminated string");
                var c = text[_position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (TryConsume('\''))
                {
                    value.Append('\'');
                }
                else
                {
                    return value.ToString();
                }
            }
        }

        private long ReadInteger()
        {
            var start = _position;
            TryConsume('-');
            while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
            return long.Parse(text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
        }

        private string ReadIdentifier()
        {
            var start = _position;
            if (_position >= text.Length || !IsIdentifierStart(text[_position])) throw Error("expected a name");
            while (_position < text.Length && (IsIdentifierStart(text[_position]) || char.IsAsciiDigit(text[_position]))) _position++;
            return text[start.._position];
        }

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private bool TryConsume(char c)
        {
            if (Peek() != c) return false;
            _position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"expected '{c}'");
        }

        private void SkipWhitespace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }

        private FormatException Error(string problem) => new($"ARM expression, position {_position}: {problem} in [{text}]");
    }
}

/// <summary>A string or integer literal.</summary>
public sealed record ArmLiteral(object Value) : ArmExpression
{
    public override string ToString() => Value is string text ? $"'{text.Replace("'", "''", StringComparison.Ordinal)}'" : Convert.ToString(Value, CultureInfo.InvariantCulture)!;
}

/// <summary>A function call; <see cref="Name"/> carries the namespace of a user-defined function.</summary>
public sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}

/// <summary><c>target.member</c> (a literal member) or <c>target[member]</c>.</summary>
public sealed record ArmAccess(ArmExpression Target, ArmExpression Member) : ArmExpression
{
    public override string ToString() =>
        Member is ArmLiteral { Value: string name } ? $"{Target}.{name}" : $"{Target}[{Member}]";
}

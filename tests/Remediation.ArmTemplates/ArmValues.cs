using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Remediation.ArmTemplates;

/// <summary>An ARM object: properties keep their order and are looked up case-insensitively, as ARM does.</summary>
public sealed class ArmObject() : OrderedDictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

/// <summary>
/// A value only the deployment knows: a property of a deployed resource read with <c>reference()</c>, or the result
/// of a <c>list*()</c> call. It keeps the expression it stands for, with every argument that could be evaluated.
/// </summary>
public sealed record ArmUnknown(string Expression)
{
    public override string ToString() => $"<{Expression}>";
}

/// <summary>A <c>lambda()</c> argument of map, filter, toObject...</summary>
public sealed record ArmLambda(IReadOnlyList<string> Parameters, ArmExpression Body, ArmContext Context);

/// <summary>Where an expression is evaluated: its template, the loop indexes and lambda variables in force.</summary>
public sealed record ArmContext(
    ArmScope Scope,
    ImmutableDictionary<string, long> Loops,
    ImmutableDictionary<string, object?> LambdaVariables,
    long? ResourceIndex = null,
    IReadOnlyDictionary<string, object?>? FunctionParameters = null)
{
    public static ArmContext For(ArmScope scope) =>
        new(scope, ImmutableDictionary.Create<string, long>(StringComparer.OrdinalIgnoreCase), ImmutableDictionary.Create<string, object?>(StringComparer.Ordinal));
}

/// <summary>The subscription, resource group and tenant a test deployment targets.</summary>
public sealed record ArmDeploymentTarget(string SubscriptionId, string ResourceGroup, string Location, string TenantId)
{
    public string ResourceGroupId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";
}

public static class ArmValue
{
    /// <summary>The text ARM puts in a string for the value (format, concat), unknown values as &lt;expression&gt;.</summary>
    public static string Render(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        ArmUnknown unknown => unknown.ToString(),
        _ => JsonSerializer.Serialize(ToPlain(value)),
    };

    /// <summary>The value as an argument in the text of an unknown expression.</summary>
    public static string Quote(object? value) => value switch
    {
        string text => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'",
        ArmUnknown unknown => unknown.Expression,
        _ => Render(value),
    };

    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        List<object?> list => list.Count == 0,
        ArmObject obj => obj.Count == 0,
        // A runtime value (an endpoint, a secret URI, an id) is taken as present.
        _ => false,
    };

    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEquals(p.First, p.Second)),
        (ArmObject a, ArmObject b) => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && DeepEquals(p.Value, other)),
        _ => Equals(left, right),
    };

    private static object? ToPlain(object? value) => value switch
    {
        List<object?> list => list.Select(ToPlain).ToList(),
        ArmObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.OrdinalIgnoreCase),
        ArmUnknown unknown => unknown.ToString(),
        ArmLambda lambda => $"lambda({string.Join(", ", lambda.Parameters)})",
        _ => value,
    };
}

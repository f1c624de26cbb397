using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remediation.ArmTemplates;

/// <summary>
/// Evaluates the ARM template language the Bicep compiler emits, as far as a template can be evaluated before it is
/// deployed: parameters, variables, user-defined functions, lambdas, loops and module outputs. A property of a
/// deployed resource (<c>reference()</c>) or a <c>list*()</c> result becomes an <see cref="ArmUnknown"/> that keeps
/// its expression, so a test can still see what it refers to. Functions not implemented here become unknown too.
/// </summary>
public static class ArmEvaluator
{
    private static readonly ConcurrentDictionary<string, ArmExpression> Parsed = new(StringComparer.Ordinal);

    public static object? Evaluate(JsonNode? node, ArmContext context) => node switch
    {
        null => null,
        JsonObject obj => EvaluateObject(obj, context),
        JsonArray array => array.Select(item => Evaluate(item, context)).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => EvaluateString(value.GetValue<string>(), context),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue(out long integer) ? integer : value.GetValue<double>(),
            _ => null,
        },
        _ => throw new NotSupportedException(node.ToJsonString()),
    };

    public static object? Evaluate(ArmExpression expression, ArmContext context) => expression switch
    {
        ArmLiteral literal => literal.Value,
        ArmAccess access => Member(Evaluate(access.Target, context), Evaluate(access.Member, context)),
        ArmCall call => Call(call, context),
        _ => throw new NotSupportedException(expression.ToString()),
    };

    /// <summary>A "copy" entry { name, count, input }: the list of its inputs.</summary>
    public static List<object?> EvaluateLoop(JsonObject loop, ArmContext context)
    {
        var name = loop["name"]!.GetValue<string>();
        var count = ToLong(Evaluate(loop["count"], context));
        var items = new List<object?>();
        for (long i = 0; i < count; i++)
        {
            items.Add(Evaluate(loop["input"], context with { Loops = context.Loops.SetItem(name, i) }));
        }
        return items;
    }

    public static object? Member(object? target, object? member) => (target, member) switch
    {
        (ArmUnknown unknown, string name) => new ArmUnknown($"{unknown.Expression}.{name}"),
        (ArmUnknown unknown, _) => new ArmUnknown($"{unknown.Expression}[{ArmValue.Quote(member)}]"),
        (ArmObject obj, string name) => obj.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No property '{name}' in {ArmValue.Render(obj)}."),
        (List<object?> list, long index) => list[(int)index],
        (List<object?> list, string index) when int.TryParse(index, CultureInfo.InvariantCulture, out var i) => list[i],
        _ => throw new InvalidOperationException($"Cannot read [{ArmValue.Quote(member)}] of {ArmValue.Render(target)}."),
    };

    private static int? Compare(List<object?> args) => (args[0], args[1]) switch
    {
        (ArmUnknown, _) or (_, ArmUnknown) => null,
        (string left, string right) => string.CompareOrdinal(left, right),
        // Integer parameters arrive as numbers or, when supplied from outside, as their text.
        _ => ToLong(args[0]).CompareTo(ToLong(args[1])),
    };

    private static object? EvaluateString(string text, ArmContext context)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal)) return text[1..];
        if (!text.StartsWith('[') || !text.EndsWith(']')) return text;
        return Evaluate(Parsed.GetOrAdd(text, t => ArmExpression.Parse(t[1..^1])), context);
    }

    private static ArmObject EvaluateObject(JsonObject obj, ArmContext context)
    {
        var result = new ArmObject();
        foreach (var (key, value) in obj)
        {
            // Property loops compile to a "copy" array of { name, count, input }.
            if (key == "copy" && value is JsonArray loops && loops.All(l => l is JsonObject o && o.ContainsKey("input")))
            {
                foreach (var loop in loops.Cast<JsonObject>()) result[loop["name"]!.GetValue<string>()] = EvaluateLoop(loop, context);
                continue;
            }
            result[key] = Evaluate(value, context);
        }
        return result;
    }

    private static object? Call(ArmCall call, ArmContext context)
    {
        // Forms whose arguments are not all evaluated first.
        switch (call.Name.ToLowerInvariant())
        {
            case "if":
                return Evaluate(call.Arguments[0], context) switch
                {
                    true => Evaluate(call.Arguments[1], context),
                    false => Evaluate(call.Arguments[2], context),
                    var unknown => new ArmUnknown($"if({ArmValue.Quote(unknown)}, ...)"),
                };
            case "lambda":
                return new ArmLambda(
                    [.. call.Arguments.SkipLast(1).Select(a => (string)((ArmLiteral)a).Value)],
                    call.Arguments[^1],
                    context);
        }

        var args = call.Arguments.Select(a => Evaluate(a, context)).ToList();
        if (call.Name.Contains('.', StringComparison.Ordinal)) return UserFunction(call.Name, args, context);
        var target = context.Scope.Target;
        return call.Name.ToLowerInvariant() switch
        {
            "parameters" => context.FunctionParameters is { } functionParameters
                ? functionParameters[(string)args[0]!]
                : context.Scope.Parameter((string)args[0]!),
            "variables" => context.Scope.Variable((string)args[0]!),
            "lambdavariables" => context.LambdaVariables[(string)args[0]!],
            "copyindex" => CopyIndex(args, context),
            "reference" => Reference(args, context),
            "true" => true,
            "false" => false,
            "null" => null,
            "string" => args[0] is string text ? text : ArmValue.Render(args[0]),
            "int" => ToLong(args[0]),
            "bool" => args[0] is string flag ? bool.Parse(flag) : args[0],
            "format" => Format(ArmValue.Render(args[0]), args.Skip(1).ToList()),
            "concat" => args.All(a => a is List<object?>) ? args.Cast<List<object?>>().SelectMany(l => l).ToList() : string.Concat(args.Select(ArmValue.Render)),
            "createobject" => CreateObject(args),
            "createarray" => args,
            "union" => args.Any(a => a is ArmUnknown) ? new ArmUnknown(Text(call.Name, args)) : Union(args),
            "shallowmerge" => ((List<object?>)args[0]!).Cast<ArmObject>().Aggregate(new ArmObject(), (merged, next) => Merge(merged, next, deep: false)),
            "empty" => ArmValue.IsEmpty(args[0]),
            "not" => args[0] is bool value ? !value : new ArmUnknown(Text(call.Name, args)),
            "and" => args.All(a => a is bool) ? args.All(a => (bool)a!) : new ArmUnknown(Text(call.Name, args)),
            "or" => args.All(a => a is bool) ? args.Any(a => (bool)a!) : new ArmUnknown(Text(call.Name, args)),
            "equals" => args.Any(a => a is ArmUnknown) ? new ArmUnknown(Text(call.Name, args)) : ArmValue.DeepEquals(args[0], args[1]),
            "coalesce" => args.FirstOrDefault(a => a is not null),
            "greater" => Compare(args) is { } order ? order > 0 : new ArmUnknown(Text(call.Name, args)),
            "less" => Compare(args) is { } order ? order < 0 : new ArmUnknown(Text(call.Name, args)),
            "length" => args[0] switch
            {
                string text => (long)text.Length,
                List<object?> list => (long)list.Count,
                ArmObject obj => (long)obj.Count,
                _ => new ArmUnknown(Text(call.Name, args)),
            },
            "range" => Enumerable.Range((int)ToLong(args[0]), (int)ToLong(args[1])).Select(i => (object?)(long)i).ToList(),
            "map" => AsList(args[0]).Select(item => Invoke(args[1], item)).ToList(),
            "filter" => AsList(args[0]).Where(item => Invoke(args[1], item) is true).ToList(),
            "toobject" => ToObject(AsList(args[0]), args[1], args.Count > 2 ? args[2] : null),
            "flatten" => AsList(args[0]).SelectMany(AsList).ToList(),
            "join" => string.Join(ArmValue.Render(args[1]), AsList(args[0]).Select(ArmValue.Render)),
            "split" => ArmValue.Render(args[0]).Split(ArmValue.Render(args[1])).Select(s => (object?)s).ToList(),
            "tolower" => ArmValue.Render(args[0]).ToLowerInvariant(),
            "toupper" => ArmValue.Render(args[0]).ToUpperInvariant(),
            "replace" => ArmValue.Render(args[0]).Replace(ArmValue.Render(args[1]), ArmValue.Render(args[2]), StringComparison.Ordinal),
            "startswith" => ArmValue.Render(args[0]).StartsWith(ArmValue.Render(args[1]), StringComparison.OrdinalIgnoreCase),
            "endswith" => ArmValue.Render(args[0]).EndsWith(ArmValue.Render(args[1]), StringComparison.OrdinalIgnoreCase),
            "contains" => args[0] switch
            {
                string text => text.Contains(ArmValue.Render(args[1]), StringComparison.Ordinal),
                List<object?> list => list.Any(item => ArmValue.DeepEquals(item, args[1])),
                ArmObject obj => obj.ContainsKey(ArmValue.Render(args[1])),
                _ => new ArmUnknown(Text(call.Name, args)),
            },
            "take" => args[0] is List<object?> list ? list.Take((int)ToLong(args[1])).ToList() : new string([.. ArmValue.Render(args[0]).Take((int)ToLong(args[1]))]),
            "skip" => args[0] is List<object?> list ? list.Skip((int)ToLong(args[1])).ToList() : new string([.. ArmValue.Render(args[0]).Skip((int)ToLong(args[1]))]),
            "first" => args[0] is List<object?> list ? list.FirstOrDefault() : ArmValue.Render(args[0])[..1],
            "last" => args[0] is List<object?> list ? list.LastOrDefault() : ArmValue.Render(args[0])[^1..],
            "tryget" => args[0] is ArmObject obj ? obj.GetValueOrDefault(ArmValue.Render(args[1])) : null,
            "uniquestring" => UniqueString(args),
            "guid" => Guid(args),
            "subscription" => new ArmObject { ["id"] = $"/subscriptions/{target.SubscriptionId}", ["subscriptionId"] = target.SubscriptionId, ["tenantId"] = target.TenantId },
            "resourcegroup" => new ArmObject { ["id"] = target.ResourceGroupId, ["name"] = target.ResourceGroup, ["location"] = target.Location },
            "tenant" => new ArmObject { ["tenantId"] = target.TenantId },
            "resourceid" => ResourceId(args, target, resourceGroupLevel: true),
            "subscriptionresourceid" => ResourceId(args, target, resourceGroupLevel: false),
            "tenantresourceid" => $"/providers/{TypedPath(args.Select(ArmValue.Render).ToList())}",
            "extensionresourceid" => $"{ArmValue.Render(args[0])}/providers/{TypedPath(args.Skip(1).Select(ArmValue.Render).ToList())}",
            _ => new ArmUnknown(Text(call.Name, args)),
        };
    }

    private static object? UserFunction(string name, List<object?> args, ArmContext context)
    {
        var (space, member) = (name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var definition = (context.Scope.Template["functions"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(f => f["namespace"]?.GetValue<string>() == space)
            .Select(f => f["members"]?[member] as JsonObject)
            .FirstOrDefault(f => f is not null)
            ?? throw new InvalidOperationException($"{context.Scope.Path}: no function {name}.");
        var names = definition["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        var parameters = names.Zip(args).ToDictionary(p => p.First, p => p.Second, StringComparer.OrdinalIgnoreCase);
        // A user-defined function sees only its own parameters (and other functions).
        return Evaluate(definition["output"]!["value"], ArmContext.For(context.Scope) with { FunctionParameters = parameters });
    }

    private static object? Invoke(object? lambda, params object?[] arguments)
    {
        var function = (ArmLambda)lambda!;
        var variables = function.Context.LambdaVariables;
        foreach (var (name, value) in function.Parameters.Zip(arguments)) variables = variables.SetItem(name, value);
        return Evaluate(function.Body, function.Context with { LambdaVariables = variables });
    }

    private static long CopyIndex(List<object?> args, ArmContext context)
    {
        var (loop, offset) = args switch
        {
            [] => ((string?)null, 0L),
            [string name] => (name, 0L),
            [string name, var added] => (name, ToLong(added)),
            [var added] => ((string?)null, ToLong(added)),
            _ => throw new InvalidOperationException("copyIndex takes a loop name and an offset."),
        };
        var index = loop is null
            ? context.ResourceIndex ?? throw new InvalidOperationException("copyIndex() outside a resource loop.")
            : context.Loops[loop];
        return index + offset;
    }

    private static object? Reference(List<object?> args, ArmContext context)
    {
        var target = ArmValue.Render(args[0]);
        // A module: its outputs, evaluated from its nested template.
        var module = context.Scope.ModuleNamed(target)
            ?? (target.Contains("/providers/Microsoft.Resources/deployments/", StringComparison.OrdinalIgnoreCase)
                ? context.Scope.ModuleNamed(target[(target.LastIndexOf('/') + 1)..])
                : null);
        if (module is not null)
        {
            var outputs = new ArmObject();
            foreach (var name in module.OutputNames) outputs[name] = new ArmObject { ["value"] = module.Output(name) };
            return new ArmObject { ["outputs"] = outputs };
        }
        // A resource: only the deployment knows its runtime properties; keep which resource is read.
        var id = context.Scope.ResourceIdOf(target) ?? target;
        return new ArmUnknown(Text("reference", [id, .. args.Skip(1)]));
    }

    private static string Format(string format, List<object?> args)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { result.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { result.Append('}'); i++; continue; }
            if (c != '{') { result.Append(c); continue; }
            var end = format.IndexOf('}', i);
            var index = int.Parse(format.AsSpan(i + 1, end - i - 1).ToString().Split(':')[0], CultureInfo.InvariantCulture);
            result.Append(ArmValue.Render(args[index]));
            i = end;
        }
        return result.ToString();
    }

    private static ArmObject CreateObject(List<object?> args)
    {
        var result = new ArmObject();
        for (var i = 0; i < args.Count; i += 2) result[ArmValue.Render(args[i])] = args[i + 1];
        return result;
    }

    private static object Union(List<object?> args)
    {
        if (args.All(a => a is ArmObject)) return args.Cast<ArmObject>().Aggregate(new ArmObject(), (merged, next) => Merge(merged, next, deep: true));
        var items = new List<object?>();
        foreach (var item in args.Cast<List<object?>>().SelectMany(l => l))
        {
            if (!items.Any(existing => ArmValue.DeepEquals(existing, item))) items.Add(item);
        }
        return items;
    }

    private static ArmObject Merge(ArmObject into, ArmObject from, bool deep)
    {
        foreach (var (key, value) in from)
        {
            into[key] = deep && into.GetValueOrDefault(key) is ArmObject existing && value is ArmObject nested
                ? Merge(Merge(new ArmObject(), existing, deep), nested, deep)
                : value;
        }
        return into;
    }

    private static ArmObject ToObject(List<object?> items, object? keyLambda, object? valueLambda)
    {
        var result = new ArmObject();
        foreach (var item in items) result[ArmValue.Render(Invoke(keyLambda, item))] = valueLambda is null ? item : Invoke(valueLambda, item);
        return result;
    }

    private static string ResourceId(List<object?> args, ArmDeploymentTarget target, bool resourceGroupLevel)
    {
        var parts = args.Select(ArmValue.Render).ToList();
        var typeIndex = parts.FindIndex(p => p.Contains('/', StringComparison.Ordinal));
        var (subscription, resourceGroup) = (typeIndex, resourceGroupLevel) switch
        {
            (0, true) => (target.SubscriptionId, target.ResourceGroup),
            (1, true) => (target.SubscriptionId, parts[0]),
            (2, true) => (parts[0], parts[1]),
            (0, false) => (target.SubscriptionId, null),
            (1, false) => (parts[0], (string?)null),
            _ => throw new InvalidOperationException($"Cannot build a resource id from {string.Join(", ", parts)}."),
        };
        var scope = resourceGroup is null ? $"/subscriptions/{subscription}" : $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}";
        return $"{scope}/providers/{TypedPath(parts[typeIndex..])}";
    }

    /// <summary>"Microsoft.X/a/b", "n1", "n2" → "Microsoft.X/a/n1/b/n2".</summary>
    private static string TypedPath(List<string> typeAndNames)
    {
        var types = typeAndNames[0].Split('/');
        return types[0] + string.Concat(types.Skip(1).Zip(typeAndNames.Skip(1), (type, name) => $"/{type}/{name}"));
    }

    private static string UniqueString(List<object?> args)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(ArmValue.Render))));
        return new string([.. hash.Take(13).Select(b => alphabet[b % alphabet.Length])]);
    }

    private static string Guid(List<object?> args) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(ArmValue.Render))))[..16]).ToString();

    private static List<object?> AsList(object? value) =>
        value as List<object?> ?? throw new InvalidOperationException($"Expected a list, got {ArmValue.Render(value)}.");

    private static long ToLong(object? value) => value switch
    {
        long number => number,
        IConvertible number and not string => number.ToInt64(CultureInfo.InvariantCulture),
        string text => long.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Expected an integer, got {ArmValue.Render(value)}."),
    };

    private static string Text(string function, IEnumerable<object?> args) => $"{function}({string.Join(", ", args.Select(ArmValue.Quote))})";
}

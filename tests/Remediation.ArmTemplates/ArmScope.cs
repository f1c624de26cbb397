using System.Text.Json.Nodes;

namespace Remediation.ArmTemplates;

/// <summary>
/// One template of a compiled deployment (main, or a module's nested template) with its parameter values: its
/// resources with loops expanded and conditions applied, its variables and its outputs, evaluated on demand.
/// </summary>
public sealed class ArmScope
{
    private readonly Func<string, (bool Supplied, object? Value)> _suppliedParameter;
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _outputs = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<ArmResource>? _resources;

    public ArmScope(
        string path,
        JsonObject template,
        ArmDeploymentTarget target,
        Func<string, (bool Supplied, object? Value)> suppliedParameter,
        ArmResource? deployment = null)
    {
        Path = path;
        Deployment = deployment;
        Template = template;
        Target = target;
        _suppliedParameter = suppliedParameter;
    }

    /// <summary>"main", then the module deployment names: "main/keyVault".</summary>
    public string Path { get; }

    public JsonObject Template { get; }

    /// <summary>The module resource of the parent template that deploys this one; null for main.</summary>
    public ArmResource? Deployment { get; }

    public ArmDeploymentTarget Target { get; }

    /// <summary>The resources this template deploys (existing references and false conditions left out).</summary>
    public IReadOnlyList<ArmResource> Resources => _resources ??= [.. ExpandResources()];

    /// <summary>The nested templates of this template's modules.</summary>
    public IEnumerable<ArmScope> Modules => Resources.Select(r => r.Module).OfType<ArmScope>();

    public IEnumerable<ArmScope> SelfAndModules() => Modules.SelectMany(m => m.SelfAndModules()).Prepend(this);

    public IEnumerable<string> OutputNames => (Template["outputs"] as JsonObject)?.Select(o => o.Key) ?? [];

    public bool IsSecureParameter(string name) =>
        Template["parameters"]?[name]?["type"]?.GetValue<string>() is { } type
        && (type.Equals("securestring", StringComparison.OrdinalIgnoreCase) || type.Equals("secureObject", StringComparison.OrdinalIgnoreCase));

    public bool IsSecureOutput(string name) =>
        Template["outputs"]?[name]?["type"]?.GetValue<string>() is { } type
        && (type.Equals("securestring", StringComparison.OrdinalIgnoreCase) || type.Equals("secureObject", StringComparison.OrdinalIgnoreCase));

    public object? Evaluate(JsonNode? node) => ArmEvaluator.Evaluate(node, ArmContext.For(this));

    public object? Parameter(string name)
    {
        if (_parameters.TryGetValue(name, out var known)) return known;
        var (supplied, value) = _suppliedParameter(name);
        if (!supplied)
        {
            var declaration = Template["parameters"]?[name] ?? throw new InvalidOperationException($"{Path}: no parameter '{name}'.");
            if (declaration is not JsonObject { } declared || !declared.ContainsKey("defaultValue"))
            {
                throw new InvalidOperationException($"{Path}: parameter '{name}' has no value and no default.");
            }
            value = Evaluate(declared["defaultValue"]);
        }
        return _parameters[name] = value;
    }

    public object? Variable(string name)
    {
        if (_variables.TryGetValue(name, out var known)) return known;
        var variables = Template["variables"] as JsonObject ?? throw new InvalidOperationException($"{Path}: no variables.");
        if (variables.TryGetPropertyValue(name, out var node))
        {
            return _variables[name] = Evaluate(node);
        }
        // Variable loops compile to a "copy" array of { name, count, input }.
        var loop = (variables["copy"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["name"]?.GetValue<string>() == name)
            ?? throw new InvalidOperationException($"{Path}: no variable '{name}'.");
        return _variables[name] = ArmEvaluator.EvaluateLoop(loop, ArmContext.For(this));
    }

    public object? Output(string name)
    {
        if (_outputs.TryGetValue(name, out var known)) return known;
        var output = Template["outputs"]?[name] ?? throw new InvalidOperationException($"{Path}: no output '{name}'.");
        return _outputs[name] = Evaluate(output["value"]);
    }

    /// <summary>The module a symbolic name (languageVersion 2.0) or a deployment name refers to.</summary>
    public ArmScope? ModuleNamed(string name) =>
        Resources.FirstOrDefault(r => r.Module is not null && (r.SymbolicName == name || r.Name == name))?.Module;

    /// <summary>The id of the resource a symbolic name refers to, existing references included.</summary>
    public string? ResourceIdOf(string symbolicName)
    {
        if (Template["resources"] is not JsonObject resources || resources[symbolicName] is not JsonObject definition) return null;
        return new ArmResource(this, symbolicName, definition, ArmContext.For(this)).Id;
    }

    private IEnumerable<ArmResource> ExpandResources()
    {
        var definitions = Template["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>().Select(d => (Symbol: (string?)null, Definition: d)),
            JsonObject symbols => symbols.Select(s => (Symbol: (string?)s.Key, Definition: (JsonObject)s.Value!)),
            _ => [],
        };
        foreach (var (symbol, definition) in definitions)
        {
            if (definition["existing"]?.GetValue<bool>() == true) continue;
            foreach (var context in LoopContexts(definition))
            {
                if (definition["condition"] is { } condition && ArmEvaluator.Evaluate(condition, context) is false) continue;
                yield return new ArmResource(this, symbol, definition, context);
            }
        }
    }

    private IEnumerable<ArmContext> LoopContexts(JsonObject definition)
    {
        var root = ArmContext.For(this);
        if (definition["copy"] is not JsonObject copy)
        {
            yield return root;
            yield break;
        }
        var name = copy["name"]!.GetValue<string>();
        var count = Convert.ToInt64(ArmEvaluator.Evaluate(copy["count"], root), System.Globalization.CultureInfo.InvariantCulture);
        for (long i = 0; i < count; i++)
        {
            yield return root with { Loops = root.Loops.SetItem(name, i), ResourceIndex = i };
        }
    }
}

/// <summary>One deployed resource (one iteration of a loop) and, for a module, its nested template.</summary>
public sealed class ArmResource
{
    private ArmScope? _module;
    private bool _moduleResolved;

    public ArmResource(ArmScope scope, string? symbolicName, JsonObject definition, ArmContext context)
    {
        Scope = scope;
        SymbolicName = symbolicName;
        Definition = definition;
        Context = context;
    }

    public ArmScope Scope { get; }

    public string? SymbolicName { get; }

    public JsonObject Definition { get; }

    public ArmContext Context { get; }

    public string Type => Definition["type"]!.GetValue<string>();

    public string Name => ArmValue.Render(ArmEvaluator.Evaluate(Definition["name"], Context));

    /// <summary>The last segment of the name: the queue, table or secret name of a child resource.</summary>
    public string LeafName => Name[(Name.LastIndexOf('/') + 1)..];

    public string Id
    {
        get
        {
            var types = Type.Split('/');
            var names = Name.Split('/');
            var path = string.Concat(types.Skip(1).Zip(names, (type, name) => $"/{type}/{name}"));
            var scope = Definition["scope"] is { } scopeNode ? ArmValue.Render(ArmEvaluator.Evaluate(scopeNode, Context)) : null;
            var parent = scope switch
            {
                null => Scope.Target.ResourceGroupId,
                _ when scope.StartsWith('/') => scope,
                _ => $"{Scope.Target.ResourceGroupId}/providers/{scope}",
            };
            return $"{parent}/providers/{types[0]}{path}";
        }
    }

    /// <summary>The nested template of a module (a Microsoft.Resources/deployments resource), or null.</summary>
    public ArmScope? Module
    {
        get
        {
            if (_moduleResolved) return _module;
            _moduleResolved = true;
            if (Type == "Microsoft.Resources/deployments" && Definition["properties"]?["template"] is JsonObject template)
            {
                var parameters = Definition["properties"]?["parameters"] as JsonObject;
                _module = new ArmScope($"{Scope.Path}/{Name}", template, Scope.Target, name =>
                    parameters?[name] is JsonObject supplied
                        ? (true, supplied.ContainsKey("value") ? ArmEvaluator.Evaluate(supplied["value"], Context) : new ArmUnknown($"Key Vault reference {supplied["reference"]?.ToJsonString()}"))
                        : (false, null),
                    this);
            }
            return _module;
        }
    }

    /// <summary>Evaluates the definition along a path of property names or list indexes, e.g. "properties", "criteria".</summary>
    public object? Property(params string[] path)
    {
        JsonNode? node = Definition;
        object? value = null;
        var evaluated = false;
        foreach (var segment in path)
        {
            if (!evaluated && node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child))
            {
                node = child;
                continue;
            }
            if (!evaluated && node is JsonArray array && int.TryParse(segment, out var index))
            {
                node = array[index];
                continue;
            }
            if (!evaluated)
            {
                value = ArmEvaluator.Evaluate(node, Context);
                evaluated = true;
            }
            value = ArmEvaluator.Member(value, segment);
        }
        return evaluated ? value : ArmEvaluator.Evaluate(node, Context);
    }
}

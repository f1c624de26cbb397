using System.Text.Json.Nodes;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>
/// Whether a template output can carry a secret, read from its expression: it reads a secure parameter (directly,
/// through variables, or through a module parameter fed with one), calls a list* function (keys, SAS, secrets), or
/// returns a module output that does.
/// </summary>
internal static class SecretFlow
{
    private static readonly HashSet<string> ValueTests = new(StringComparer.OrdinalIgnoreCase)
    {
        "empty", "not", "equals", "and", "or", "length", "contains", "startsWith", "endsWith", "less", "lessOrEquals", "greater", "greaterOrEquals",
    };

    public static bool ReachesOutput(ArmScope scope, string output) => Reaches(scope, scope.Template["outputs"]![output]!["value"]);

    private static bool Reaches(ArmScope scope, JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => Reaches(scope, p.Value)),
        JsonArray array => array.Any(item => Reaches(scope, item)),
        JsonValue value when value.TryGetValue(out string? text) && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) =>
            Reaches(scope, ArmExpression.Parse(text[1..^1])),
        _ => false,
    };

    private static bool Reaches(ArmScope scope, ArmExpression expression)
    {
        switch (expression)
        {
            case ArmCall { Name: var name, Arguments: [ArmLiteral { Value: string parameter }] } when name.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                return scope.IsSecureParameter(parameter) || ReachesParameterValue(scope, parameter);
            case ArmCall { Name: var name, Arguments: [ArmLiteral { Value: string variable }] } when name.Equals("variables", StringComparison.OrdinalIgnoreCase):
                return Reaches(scope, scope.Template["variables"]?[variable])
                    || ((scope.Template["variables"]?["copy"] as JsonArray)?.Any(c => c?["name"]?.GetValue<string>() == variable && Reaches(scope, c["input"])) ?? false);
            case ArmCall call when call.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase):
                return true;
            // A condition decides which branch flows, it does not flow itself.
            case ArmCall { Name: var name, Arguments: [_, var whenTrue, var whenFalse] } when name.Equals("if", StringComparison.OrdinalIgnoreCase):
                return Reaches(scope, whenTrue) || Reaches(scope, whenFalse);
            // Tests of a value (is it empty, equal to...) yield a boolean or a count, not the value.
            case ArmCall call when ValueTests.Contains(call.Name):
                return false;
            case ArmCall call:
                return call.Arguments.Any(a => Reaches(scope, a));
            case ArmAccess access when ModuleOutput(scope, access) is { } moduleOutput:
                return ReachesOutput(moduleOutput.Module, moduleOutput.Output);
            case ArmAccess access:
                return Reaches(scope, access.Target) || Reaches(scope, access.Member);
            default:
                return false;
        }
    }

    /// <summary>A module parameter is as secret as the value its parent passes.</summary>
    private static bool ReachesParameterValue(ArmScope scope, string parameter) =>
        scope.Deployment is { } deployment
        && Reaches(deployment.Scope, deployment.Definition["properties"]?["parameters"]?[parameter]?["value"]);

    /// <summary>reference('module').outputs.name[.value] → (the module's template, name).</summary>
    private static (ArmScope Module, string Output)? ModuleOutput(ArmScope scope, ArmAccess access)
    {
        var members = new List<ArmExpression>();
        ArmExpression root = access;
        while (root is ArmAccess step)
        {
            members.Insert(0, step.Member);
            root = step.Target;
        }
        if (root is ArmCall { Name: var name, Arguments: [ArmLiteral { Value: string symbol }, ..] }
            && name.Equals("reference", StringComparison.OrdinalIgnoreCase)
            && members is [ArmLiteral { Value: "outputs" }, ArmLiteral { Value: string output }, ..]
            && scope.ModuleNamed(symbol) is { } module)
        {
            return (module, output);
        }
        return null;
    }
}

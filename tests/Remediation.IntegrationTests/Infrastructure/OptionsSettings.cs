using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Remediation.Core;
using Remediation.Functions;
using Remediation.Infrastructure.Graph;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>
/// The settings the Functions app binds, read from its options classes: every class with a <c>Section</c> constant,
/// whose properties become <c>Section__Property</c> (lists <c>Section__Property__0</c>) as app settings.
/// </summary>
internal static class OptionsSettings
{
    /// <summary>Section name → options class, from the assemblies the Functions app runs.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } =
        new[] { typeof(TenantOptions).Assembly, typeof(GraphOptions).Assembly, typeof(CampaignAdminFunctions).Assembly }
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(s => s.Field is { IsLiteral: true } && s.Field.FieldType == typeof(string))
            .ToDictionary(s => (string)s.Field!.GetRawConstantValue()!, s => s.Type, StringComparer.OrdinalIgnoreCase);

    public static string Key(string section, string property) => $"{section}__{property}";

    /// <summary>
    /// Settings the app cannot start without: <c>[Required]</c> properties whose default is empty.
    /// </summary>
    public static IEnumerable<string> RequiredWithoutDefault() =>
        from section in Sections
        let defaults = Activator.CreateInstance(section.Value)
        from property in section.Value.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.GetCustomAttribute<RequiredAttribute>() is not null
        where property.GetValue(defaults) is null or ""
        select Key(section.Key, property.Name);

    /// <summary>
    /// Why a setting of an options section would not bind (no such property, or a value its type cannot take), or
    /// null when it binds. Settings outside the options sections (host settings) are not judged here.
    /// </summary>
    public static string? BindingProblem(string key, object? value)
    {
        var segments = key.Split("__");
        if (!Sections.TryGetValue(segments[0], out var type)) return null;
        foreach (var segment in segments.Skip(1))
        {
            if (ElementType(type, typeof(List<>)) is { } item)
            {
                if (!int.TryParse(segment, out _)) return $"{key}: list index expected at '{segment}'";
                type = item;
            }
            else if (ElementType(type, typeof(Dictionary<,>)) is { } entry)
            {
                type = entry;
            }
            else
            {
                var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null) return $"{key}: {type.Name} has no property '{segment}'";
                type = property.PropertyType;
            }
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)) return $"{key}: {type.Name} is bound from indexed keys, not one value";
        if (value is not string text) return value is ArmUnknown ? null : $"{key}: app settings are strings, not {ArmValue.Render(value)}";
        // A Key Vault reference is resolved by the platform before the app reads it.
        if (text.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)) return null;
        try
        {
            // What ConfigurationBinder does with a value.
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return null;
        }
        catch (Exception ex) when (ex is NotSupportedException or FormatException or ArgumentException)
        {
            return $"{key}: '{text}' is not a {type.Name}";
        }
    }

    private static Type? ElementType(Type type, Type generic)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != generic) return null;
        return type.GetGenericArguments()[^1];
    }
}

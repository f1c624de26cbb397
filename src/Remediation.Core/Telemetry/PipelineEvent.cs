using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Remediation.Core.Telemetry;

/// <summary>
/// One custom event for Application Insights: its name is the record's type name (one of <see cref="PipelineEvents"/>)
/// and its properties are the record's, written as text here and nowhere else, as the alert rules in <c>infra/</c> read them.
/// </summary>
public abstract record PipelineEvent
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Fields = new();

    public string Name => GetType().Name;

    /// <summary>The properties as Application Insights stores them (customDimensions).</summary>
    public IReadOnlyDictionary<string, string> Properties()
    {
        var fields = Fields.GetOrAdd(GetType(), type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(PipelineEvent))]);
        return fields.ToDictionary(p => p.Name, p => Text(p.GetValue(this)), StringComparer.Ordinal);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        bool flag => flag.ToString(),
        IEnumerable items => string.Join(',', items.Cast<object>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

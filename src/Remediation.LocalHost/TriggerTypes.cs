using Microsoft.Azure.WebJobs;

namespace Remediation.LocalHost;

/// <summary>Tells the WebJobs SDK exactly which classes hold triggers, instead of scanning every loaded assembly.</summary>
internal sealed class TriggerTypes(params Type[] types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}

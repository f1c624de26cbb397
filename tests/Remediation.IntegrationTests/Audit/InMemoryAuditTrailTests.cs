using Remediation.Core.Audit;

namespace Remediation.IntegrationTests.Audit;

public sealed class InMemoryAuditTrailTests : AuditTrailContract
{
    protected override IAuditTrail Audit { get; } = new InMemoryAuditTrail();
}

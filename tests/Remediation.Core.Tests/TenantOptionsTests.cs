namespace Remediation.Core.Tests;

/// <summary>Which recipients are the tenant's own: only an address in one of its accepted domains has a mailbox here.</summary>
public sealed class TenantOptionsTests
{
    private static readonly TenantOptions Tenant = new() { AcceptedDomains = ["contoso.example", "fabrikam.example"] };

    [Theory]
    [InlineData("alice@contoso.example", true)]
    [InlineData("Bob@FABRIKAM.example", true)]
    [InlineData("\"odd@name\"@contoso.example", true)]
    [InlineData("alice@contoso.example.evil.example", false)]
    [InlineData("alice@evil.example", false)]
    [InlineData("contoso.example", false)]
    [InlineData("", false)]
    public void IsTenantAddress_OnlyAnAddressInAnAcceptedDomain(string address, bool tenant) =>
        Assert.Equal(tenant, Tenant.IsTenantAddress(address));
}

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The app identity gets the data-plane roles it needs on its own resources, and nothing more.</summary>
public class RoleAssignmentTemplateTests
{
    // Built-in role definition ids, the same in every tenant.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public static TheoryData<string, string> PrivilegedRoles() => new()
    {
        { "Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" },
        { "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c" },
        { "User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" },
        { "Role Based Access Control Administrator", "f58310d9-a9f6-439a-9e8d-f62e7b41a168" },
    };

    [Fact]
    public async Task RoleAssignments_AppIdentity_AreExactlyTheDataPlaneRoles()
    {
        string[] expected = [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, KeyVaultSecretsUser, MonitoringMetricsPublisher];

        var roles = await AssignedRoleIdsAsync();

        Assert.Equal(expected.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PrivilegedRoles))]
    public async Task RoleAssignments_Any_IsNotPrivileged(string role, string roleId)
    {
        var roles = await AssignedRoleIdsAsync();

        Assert.False(roles.Contains(roleId, StringComparer.OrdinalIgnoreCase), $"{role} is assigned");
    }

    [Fact]
    public async Task RoleAssignments_Principal_IsTheFunctionAppIdentity()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var site = deployment.Single("Microsoft.Web/sites");

        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments");

        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", a.Property("properties", "principalType"));
            var principal = Assert.IsType<ArmUnknown>(a.Property("properties", "principalId")).Expression;
            Assert.Contains($"'{site.Id}'", principal, StringComparison.Ordinal);
            Assert.EndsWith(".identity.principalId", principal, StringComparison.Ordinal);
        });
    }

    private static async Task<List<string>> AssignedRoleIdsAsync()
    {
        var deployment = await CompiledDeployment.MainAsync();
        return
        [
            .. deployment.OfType("Microsoft.Authorization/roleAssignments")
                .Select(a => ArmValue.Render(a.Property("properties", "roleDefinitionId")))
                .Select(id => id[(id.LastIndexOf('/') + 1)..]),
        ];
    }
}

using Azure.Core;
using Azure.Identity;
using Remediation.Core;

namespace Remediation.Infrastructure.Graph;

/// <summary>
/// The identity the pipeline uses towards Graph: the Function App's managed identity by default, or an app
/// registration with a certificate (preferred) or a secret.
/// </summary>
public static class GraphCredentialFactory
{
    public static TokenCredential Create(GraphOptions graph, TenantOptions tenant)
    {
        var options = new ClientCertificateCredentialOptions();
        if (!string.IsNullOrEmpty(graph.AuthorityHost))
        {
            options.AuthorityHost = new Uri(graph.AuthorityHost);
        }
        if (string.IsNullOrEmpty(graph.ClientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        }
        if (!string.IsNullOrEmpty(graph.CertificatePath))
        {
            return new ClientCertificateCredential(tenant.TenantId, graph.ClientId, graph.CertificatePath, options);
        }
        return new ClientSecretCredential(tenant.TenantId, graph.ClientId, graph.ClientSecret, new ClientSecretCredentialOptions
        {
            AuthorityHost = options.AuthorityHost,
        });
    }
}

using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/contacts</c>: the tenant's mail contacts (orgContact), found by a <c>$filter</c> on their addresses.</summary>
internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapGet("/contacts", ListContacts);
        graph.MapGet("/contacts/{contact}", GetContact);
    }

    private static IResult ListContacts(HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.Filtered(request, () => tenant.Contacts, tenant.RecipientHolding<SimulatedContact>, c => c.Addresses, DirectoryProjection.Contact);

    private static IResult GetContact(string contact, HttpRequest request, SimulatedTenant tenant) =>
        DirectoryPages.One(request, contact, tenant.FindContact(contact), DirectoryProjection.Contact);
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Remediation.Functions;

namespace Remediation.IntegrationTests.Functions;

/// <summary>The SOC's endpoints on the Function App let through only a caller App Service authentication signed in with the operator role.</summary>
public class OperatorAuthorizationTests
{
    private const string Role = "Remediation.Operator";
    private static readonly OperatorOptions Operators = new() { AppRole = Role, PlatformAuthenticates = true };
    private const string Upn = "analyst@contoso.example";

    [Fact]
    public void Check_NoPrincipal_RefusesWith401()
    {
        var result = OperatorAuthorization.Check(Request(principal: null, identityProvider: null), Operators);

        Assert.IsType<UnauthorizedResult>(result.Refusal);
    }

    [Fact]
    public void Check_PrincipalWithoutTheRole_RefusesWith403()
    {
        var result = OperatorAuthorization.Check(Request(Principal(("roles", "Remediation.Reader"))), Operators);

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<StatusCodeResult>(result.Refusal).StatusCode);
    }

    [Fact]
    public void Check_PrincipalWithTheRole_AllowsAndNamesTheCaller()
    {
        var result = OperatorAuthorization.Check(Request(Principal(("roles", Role))), Operators);

        Assert.True(result.Allowed);
        Assert.Equal(Upn, result.Actor);
    }

    [Fact]
    public void Check_AppOnlyCallerWithTheRole_IsNamedByObjectId()
    {
        var principal = Principal(("http://schemas.microsoft.com/identity/claims/objectidentifier", "6f1c3b2a-0000-4000-8000-00000000000a"), ("roles", Role));

        var result = OperatorAuthorization.Check(Request(principal, withUpn: false), Operators);

        Assert.Equal("6f1c3b2a-0000-4000-8000-00000000000a", result.Actor);
    }

    [Fact]
    public void Check_PrincipalWithTheRoleWhileTheAppDoesNotAuthenticate_RefusesWith401()
    {
        // With App Service authentication off, both headers are the caller's own writing.
        var result = OperatorAuthorization.Check(Request(Principal(("roles", Role))), new OperatorOptions { AppRole = Role, PlatformAuthenticates = false });

        Assert.IsType<UnauthorizedResult>(result.Refusal);
    }

    [Fact]
    public void Check_PrincipalWithoutTheIdentityProviderHeader_RefusesWith401()
    {
        var result = OperatorAuthorization.Check(Request(Principal(("roles", Role)), identityProvider: null), Operators);

        Assert.IsType<UnauthorizedResult>(result.Refusal);
    }

    [Fact]
    public void Check_PrincipalThatIsNotBase64Json_RefusesWith401()
    {
        var request = Request(principal: null);
        request.Headers[OperatorAuthorization.PrincipalHeader] = "not base64 {";

        Assert.IsType<UnauthorizedResult>(OperatorAuthorization.Check(request, Operators).Refusal);
    }

    private static (string Type, string Value)[] Principal(params (string Type, string Value)[] claims) => claims;

    private static HttpRequest Request((string Type, string Value)[]? principal, string? identityProvider = "aad", bool withUpn = true)
    {
        var context = new DefaultHttpContext();
        if (principal is not null)
        {
            var claims = (withUpn ? principal.Prepend((Type: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", Value: Upn)) : principal)
                .Select(c => new { typ = c.Type, val = c.Value });
            var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "name", role_typ = "roles" });
            context.Request.Headers[OperatorAuthorization.PrincipalHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        }
        if (identityProvider is not null) context.Request.Headers[OperatorAuthorization.IdentityProviderHeader] = identityProvider;
        return context.Request;
    }
}

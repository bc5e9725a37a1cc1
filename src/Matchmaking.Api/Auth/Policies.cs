using Matchmaking.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Matchmaking.Api.Auth;

/// <summary>
/// Every authorization rule of the API, in one place. Endpoints name a policy; nothing else checks roles.
/// Ownership of a need, match or partnership is enforced by the handlers' queries (another buyer's need is
/// simply not found: 404, so ids cannot be probed).
/// </summary>
public static class Policies
{
    /// <summary>Any valid key: reference data, registry reads.</summary>
    public const string AnyKey = "any-key";

    public const string Admin = "admin";

    /// <summary>Admin, or a supplier key bound to the supplier in the route's <c>id</c>.</summary>
    public const string SupplierSelf = "supplier-self";

    /// <summary>Admin, or a buyer key bound to the buyer in the route's <c>id</c>.</summary>
    public const string BuyerSelf = "buyer-self";

    /// <summary>Admin and analysts: analytics and audit-free figures.</summary>
    public const string Analytics = "analytics";

    /// <summary>Admin and buyers: post and edit needs, run matching (a buyer only on its own needs).</summary>
    public const string Procurement = "procurement";

    /// <summary>Admin, buyers (their own needs) and analysts: read needs and match results.</summary>
    public const string ProcurementRead = "procurement-read";

    /// <summary>Supplier keys only: answering an invitation is the supplier's own act.</summary>
    public const string SupplierOnly = "supplier-only";

    /// <summary>Supplier keys, and admin for support: reporting a payment.</summary>
    public const string SupplierSelfOrAdmin = "supplier-or-admin";

    /// <summary>Anyone party to a match or partnership (visibility is then decided by the query): admin, buyer, supplier, analyst.</summary>
    public const string Parties = "parties";

    /// <summary>Admin, buyer and supplier keys: the event feed and webhooks, each seeing what it may read (analysts work on aggregates).</summary>
    public const string Subscribers = "subscribers";

    /// <summary>Financier keys only: offers and disbursements are the financier's own acts.</summary>
    public const string FinancierOnly = "financier-only";

    /// <summary>The parties of financing: admin, suppliers, buyers and financiers (visibility is then decided by the query).</summary>
    public const string Financing = "financing";

    public static IServiceCollection AddMatchmakingAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, OwnOrganizationHandler>();
        services.AddAuthorizationBuilder()
            // Denied by default: an endpoint that names no policy still needs a valid key (health and metrics opt out by name).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AnyKey, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Admin, policy => policy.RequireRole(Name(Role.Admin)))
            .AddPolicy(Procurement, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Buyer)))
            .AddPolicy(ProcurementRead, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Buyer), Name(Role.Analyst)))
            .AddPolicy(SupplierOnly, policy => policy.RequireRole(Name(Role.Supplier)))
            .AddPolicy(SupplierSelfOrAdmin, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Supplier)))
            .AddPolicy(Parties, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Buyer), Name(Role.Supplier), Name(Role.Analyst)))
            .AddPolicy(Subscribers, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Buyer), Name(Role.Supplier), Name(Role.Financier)))
            .AddPolicy(FinancierOnly, policy => policy.RequireRole(Name(Role.Financier)))
            .AddPolicy(Financing, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Buyer), Name(Role.Supplier), Name(Role.Financier)))
            .AddPolicy(Analytics, policy => policy.RequireRole(Name(Role.Admin), Name(Role.Analyst)))
            .AddPolicy(SupplierSelf, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnOrganizationRequirement(Role.Supplier)))
            .AddPolicy(BuyerSelf, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnOrganizationRequirement(Role.Buyer)));
        return services;
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Who a policy lets in, in words, for the OpenAPI document.</summary>
    public static string Describe(string policy) => policy switch
    {
        AnyKey => "any valid API key",
        Admin => "admin keys",
        SupplierSelf => "admin, or the supplier's own key",
        BuyerSelf => "admin, or the buyer's own key",
        Analytics => "admin and analyst keys",
        Procurement => "admin, and buyer keys on their own needs",
        ProcurementRead => "admin, analyst, and buyer keys on their own needs",
        SupplierOnly => "supplier keys, for their own invitations",
        SupplierSelfOrAdmin => "admin, and supplier keys for their own partnerships",
        Parties => "admin, analysts, and the buyer and suppliers party to it",
        Subscribers => "admin (every event), buyer keys (their needs, matches and partnerships), supplier and financier keys (what is addressed to them)",
        FinancierOnly => "financier keys",
        Financing => "admin, and the supplier, buyer and named financiers of the request",
        _ => policy,
    };
}

/// <summary>Admin always; otherwise the key's role and bound organisation must match the route's <c>id</c>.</summary>
internal sealed record OwnOrganizationRequirement(Role Role) : IAuthorizationRequirement;

internal sealed class OwnOrganizationHandler : AuthorizationHandler<OwnOrganizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnOrganizationRequirement requirement)
    {
        if (context.User.IsInRole(Policies.Name(Role.Admin)))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var routeId = (context.Resource as HttpContext)?.GetRouteValue("id")?.ToString();
        var organization = context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value;
        if (context.User.IsInRole(Policies.Name(requirement.Role)) && routeId is not null
            && string.Equals(routeId, organization, StringComparison.OrdinalIgnoreCase))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

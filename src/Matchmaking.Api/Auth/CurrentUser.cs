using System.Security.Claims;
using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;

namespace Matchmaking.Api.Auth;

/// <summary>The authenticated key behind the current request, read from its claims.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? KeyId => Guid.TryParse(Principal?.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id) ? id : null;

    public Role? Role => Enum.TryParse<Role>(Principal?.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role) ? role : null;

    public Guid? OrganizationId => Guid.TryParse(Principal?.FindFirstValue(ApiKeyAuthenticationHandler.OrganizationClaim), out var id) ? id : null;
}

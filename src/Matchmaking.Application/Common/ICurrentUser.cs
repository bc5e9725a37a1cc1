using Matchmaking.Domain.Access;

namespace Matchmaking.Application.Common;

/// <summary>The caller as authenticated by its API key.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? KeyId { get; }
    Role? Role { get; }

    /// <summary>The buyer or supplier the key is bound to.</summary>
    Guid? OrganizationId { get; }

    bool IsAdmin => Role == Domain.Access.Role.Admin;

    bool Is(Role role, Guid organizationId) => Role == role && OrganizationId == organizationId;

    /// <summary>Who did something, as histories (match, financing) record it: the key and its role.</summary>
    Domain.Matching.Actor Actor => new(KeyId, Role?.ToString().ToLowerInvariant());
}

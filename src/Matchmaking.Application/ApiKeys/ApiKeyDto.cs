using Matchmaking.Domain.Access;

namespace Matchmaking.Application.ApiKeys;

/// <summary>A key as listed: never the secret, only its prefix.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, Role Role, Guid? OrganizationId, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created. <see cref="Key"/> is shown this once and stored nowhere.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Key, Role Role, Guid? OrganizationId, string Name, string Prefix);

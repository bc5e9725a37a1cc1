using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.ApiKeys.CreateApiKey;

public sealed record ApiKeyInput
{
    /// <summary>admin, buyer, supplier or analyst.</summary>
    public Role? Role { get; init; }

    /// <summary>The buyer, supplier or financier id (for those roles); absent for admin and analyst.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>What the key is for, e.g. "PLN e-procurement".</summary>
    public string? Name { get; init; }
}

public sealed record CreateApiKeyCommand(ApiKeyInput Body) : IRequest<CreatedApiKeyDto>;

public sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var role = request.Body.Role!.Value;
        var organizationId = request.Body.OrganizationId;
        var organizationExists = role switch
        {
            Role.Buyer => await db.Buyers.AnyAsync(b => b.Id == organizationId, cancellationToken),
            Role.Supplier => await db.Suppliers.AnyAsync(s => s.Id == organizationId, cancellationToken),
            Role.Financier => await db.Financiers.AnyAsync(f => f.Id == organizationId, cancellationToken),
            _ => true,
        };
        if (!organizationExists)
        {
            throw new ValidationException("organizationId", $"No {role.ToString().ToLowerInvariant()} with id {organizationId}.");
        }

        var (key, secret) = ApiKey.Issue(Guid.CreateVersion7(), request.Body.Name!.Trim(), role, organizationId, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.Id, secret, key.Role, key.OrganizationId, key.Name, key.Prefix);
    }
}

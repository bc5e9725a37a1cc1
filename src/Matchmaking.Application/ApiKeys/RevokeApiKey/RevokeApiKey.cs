using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes a key: the next request with it gets 401. Revoking twice is harmless.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : IRequest<Unit>;

public sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("API key", request.Id);
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

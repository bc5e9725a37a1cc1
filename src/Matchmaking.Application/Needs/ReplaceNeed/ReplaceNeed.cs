using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Needs.ReplaceNeed;

/// <summary>Replaces an open need's details and/or changes its status (open → closed | awarded | cancelled).</summary>
public sealed record ReplaceNeedCommand(Guid Id, NeedInput Body, int? ExpectedVersion) : IRequest<Versioned<NeedDto>>;

public sealed class ReplaceNeedCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentUser user, ReferenceCatalog catalog)
    : IRequestHandler<ReplaceNeedCommand, Versioned<NeedDto>>
{
    public async Task<Versioned<NeedDto>> Handle(ReplaceNeedCommand request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.VisibleTo(user).FirstOrDefaultAsync(n => n.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Need", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, need.Version);
        if (request.Body.BuyerId is { } buyerId && buyerId != need.BuyerId)
        {
            throw new ValidationException("buyerId", "A need cannot move to another buyer.");
        }

        var now = clock.GetUtcNow();
        need.Replace(request.Body.ToProfile(catalog));
        need.ChangeStatus(request.Body.Status ?? need.Status);
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<NeedDto>(mapper.Map<NeedDto>(need), need.Version);
    }
}

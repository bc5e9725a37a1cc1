using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Partnerships.CompletePartnership;

public sealed record CompletionInput
{
    /// <summary>1..5.</summary>
    public int? QualityRating { get; init; }

    /// <summary>1..5.</summary>
    public int? OnTimeRating { get; init; }
}

/// <summary>The buyer marks the work done and rates it; the ratings feed the suppliers' track record.</summary>
public sealed record CompletePartnershipCommand(Guid Id, CompletionInput Body) : IRequest<PartnershipDto>;

public sealed class CompletePartnershipCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CompletePartnershipCommand, PartnershipDto>
{
    public async Task<PartnershipDto> Handle(CompletePartnershipCommand request, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.VisibleTo(user).FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Partnership", request.Id);
        partnership.Complete(request.Body.QualityRating!.Value, request.Body.OnTimeRating!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<PartnershipDto>(partnership);
    }
}

using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Financing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Matchmaking.Application.Financing.RequestFinancing;

public sealed record FinancingRequestInput
{
    /// <summary>An active partnership the calling supplier is a member of.</summary>
    public Guid? PartnershipId { get; init; }

    /// <summary>At most Financing:MaxShare (default 80%) of the supplier's share of the agreed value.</summary>
    public long? AmountIdr { get; init; }

    /// <summary>purchase_order (before delivery) or invoice (after it).</summary>
    public FinancingPurpose? Purpose { get; init; }

    /// <summary>1..720 days.</summary>
    public int? TenorDays { get; init; }

    /// <summary>The financiers that may see the request (the supplier's consent to share its profile with them); omitted or empty: all.</summary>
    public IReadOnlyList<Guid>? FinancierIds { get; init; }
}

public sealed record RequestFinancingCommand(FinancingRequestInput Body) : IRequest<FinancingRequestDto>;

public sealed class RequestFinancingCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IConfiguration configuration)
    : IRequestHandler<RequestFinancingCommand, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(RequestFinancingCommand request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var partnership = await db.Partnerships.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == body.PartnershipId, cancellationToken)
            ?? throw new NotFoundException("Partnership", body.PartnershipId!.Value);
        var financiers = body.FinancierIds ?? [];
        var known = await db.Financiers.CountAsync(f => financiers.Contains(f.Id), cancellationToken);
        if (known != financiers.Distinct().Count())
        {
            throw new ValidationException("financierIds", "Name registered financiers only (GET /api/v1/financiers).");
        }

        var financing = FinancingRequest.Open(Guid.CreateVersion7(), partnership, user.OrganizationId!.Value, body.AmountIdr!.Value, body.Purpose!.Value,
            body.TenorDays!.Value, financiers, configuration.GetValue("Financing:MaxShare", FinancingRequest.DefaultMaxShare), user.Actor,
            clock.GetUtcNow());
        db.FinancingRequests.Add(financing);
        await db.SaveChangesAsync(cancellationToken);
        return FinancingRequestDto.From(mapper, financing, financing.Offers);
    }
}

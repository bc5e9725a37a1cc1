using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Partnerships;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Financing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.GetFinancingRequest;

/// <summary>One request as the caller may see it; a financier's view carries the risk profile and is audited.</summary>
public sealed record GetFinancingRequestQuery(Guid Id) : IRequest<FinancingRequestDto>;

public sealed class GetFinancingRequestQueryHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GetFinancingRequestQuery, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(GetFinancingRequestQuery request, CancellationToken cancellationToken)
    {
        var financing = await db.FinancingRequests.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Financing request", request.Id);
        var offers = FinancingAccess.OffersVisibleTo(financing, user);
        if (user.Role is not (Role.Financier or Role.Admin))
        {
            return FinancingRequestDto.From(mapper, financing, offers);
        }

        var risk = await RiskProfileAsync(financing, cancellationToken);
        var lends = user.Role == Role.Financier && financing.AcceptedOffer?.FinancierId == user.OrganizationId;
        ContactDto? contact = null;
        if (lends || user.Role == Role.Admin)
        {
            contact = await db.Suppliers.AsNoTracking().Where(s => s.Id == financing.SupplierId)
                .Select(s => s.Contact == null ? null : new ContactDto(s.Contact.Name, s.Contact.Email, s.Contact.Phone)).FirstOrDefaultAsync(cancellationToken);
        }

        if (user.Role == Role.Financier)
        {
            // Every look a financier takes at a supplier's profile is on record.
            db.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(), user.KeyId, "financier", "financingRequest", financing.Id, "viewed", clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return FinancingRequestDto.From(mapper, financing, offers, risk, contact);
    }

    private async Task<RiskProfileDto> RiskProfileAsync(FinancingRequest financing, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == financing.SupplierId, cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Id == financing.PartnershipId, cancellationToken);
        var track = (await Reputation.TrackRecordsAsync(db, [supplier.Id], cancellationToken)).GetValueOrDefault(supplier.Id);
        return new RiskProfileDto(
            supplier.Scale, supplier.ProvinceCode, supplier.Capabilities.Select(c => c.Code).ToList(),
            supplier.Certifications.Where(c => c.ValidUntil >= today).Select(c => c.Scheme.ToString().ToLowerInvariant()).Distinct().ToList(),
            track?.CompletedCount ?? 0, track is { CompletedCount: > 0 } ? Math.Round(track.AverageRating, 2) : null,
            await Reputation.ForBuyerAsync(db, financing.BuyerId, cancellationToken),
            partnership.AgreedValueIdr, partnership.StartDate, partnership.Status.ToString().ToLowerInvariant());
    }
}

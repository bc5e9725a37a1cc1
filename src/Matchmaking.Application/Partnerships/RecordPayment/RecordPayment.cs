using AutoMapper;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Partnerships.RecordPayment;

public sealed record PaymentInput
{
    public DateOnly? InvoicedOn { get; init; }
    public DateOnly? PaidOn { get; init; }
}

/// <summary>A supplier reports when it invoiced and when it was paid: this is how buyers' days-to-pay is known.</summary>
public sealed record RecordPaymentCommand(Guid Id, PaymentInput Body) : IRequest<PartnershipDto>;

public sealed class RecordPaymentCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordPaymentCommand, PartnershipDto>
{
    public async Task<PartnershipDto> Handle(RecordPaymentCommand request, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.VisibleTo(user).FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Partnership", request.Id);
        partnership.RecordPayment(request.Body.InvoicedOn!.Value, request.Body.PaidOn!.Value);

        // The buyer's payment repays what was lent against this partnership, in the same transaction.
        var financed = await db.FinancingRequests.Where(r => r.PartnershipId == partnership.Id && r.Status == Domain.Financing.FinancingStatus.Disbursed)
            .ToListAsync(cancellationToken);
        foreach (var financing in financed)
        {
            financing.Repaid(partnership.PaidOn!.Value, user.Actor, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<PartnershipDto>(partnership);
    }
}

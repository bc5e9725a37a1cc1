using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Buyers.ReplaceBuyer;

public sealed record ReplaceBuyerCommand(Guid Id, BuyerInput Body, int? ExpectedVersion) : IRequest<Versioned<BuyerDto>>;

public sealed class ReplaceBuyerCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<ReplaceBuyerCommand, Versioned<BuyerDto>>
{
    public async Task<Versioned<BuyerDto>> Handle(ReplaceBuyerCommand request, CancellationToken cancellationToken)
    {
        var buyer = await db.Buyers.FirstOrDefaultAsync(b => b.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Buyer", request.Id);
        ConcurrencyCheck.EnsureMatches(request.ExpectedVersion, buyer.Version);
        buyer.Replace(request.Body.ToProfile());
        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<BuyerDto>(mapper.Map<BuyerDto>(buyer), buyer.Version);
    }
}

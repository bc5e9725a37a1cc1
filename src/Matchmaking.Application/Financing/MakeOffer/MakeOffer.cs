using AutoMapper;
using FluentValidation;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Financing.MakeOffer;

public sealed record OfferInput
{
    public long? AmountIdr { get; init; }

    /// <summary>Percent a year, 0..100.</summary>
    public double? AnnualRatePercent { get; init; }

    public long? FeesIdr { get; init; }

    /// <summary>1..720 days.</summary>
    public int? TenorDays { get; init; }
}

/// <summary>A financier the supplier named offers terms; its competitors never see them.</summary>
public sealed record MakeOfferCommand(Guid Id, OfferInput Body) : IRequest<FinancingRequestDto>;

public sealed class MakeOfferCommandHandler(IMapper mapper, IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MakeOfferCommand, FinancingRequestDto>
{
    public async Task<FinancingRequestDto> Handle(MakeOfferCommand request, CancellationToken cancellationToken)
    {
        var financing = await db.FinancingRequests.VisibleTo(user).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Financing request", request.Id);
        var body = request.Body;
        financing.MakeOffer(Guid.CreateVersion7(), user.OrganizationId!.Value, body.AmountIdr!.Value, body.AnnualRatePercent!.Value, body.FeesIdr ?? 0,
            body.TenorDays!.Value, user.Actor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return FinancingRequestDto.From(mapper, financing, FinancingAccess.OffersVisibleTo(financing, user));
    }
}

public sealed class MakeOfferCommandValidator : FluentValidation.AbstractValidator<MakeOfferCommand>
{
    public MakeOfferCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.");
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.AmountIdr).NotNull().GreaterThan(0).OverridePropertyName("amountIdr").WithMessage("'amountIdr' must be positive.");
            RuleFor(c => c.Body.AnnualRatePercent).NotNull().InclusiveBetween(0, 100).OverridePropertyName("annualRatePercent")
                .WithMessage("'annualRatePercent' is 0..100.");
            RuleFor(c => c.Body.FeesIdr).GreaterThanOrEqualTo(0).OverridePropertyName("feesIdr").WithMessage("'feesIdr' cannot be negative.");
            RuleFor(c => c.Body.TenorDays).NotNull().InclusiveBetween(1, 720).OverridePropertyName("tenorDays").WithMessage("'tenorDays' is 1..720.");
        });
    }
}

using FluentValidation;

namespace Matchmaking.Application.Analytics.Funnel;

public sealed class GetFunnelQueryValidator : AbstractValidator<GetFunnelQuery>
{
    public GetFunnelQueryValidator()
    {
        RuleFor(q => q.From).LessThanOrEqualTo(q => q.To).When(q => q.From is not null && q.To is not null)
            .WithMessage("'from' must not be after 'to'.");
        RuleFor(q => q.From).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("'from' must be a date from 2000 on.");
        RuleFor(q => q.To).LessThanOrEqualTo(new DateOnly(2100, 1, 1)).WithMessage("'to' must be a date before 2100.");
    }
}

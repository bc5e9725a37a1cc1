using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Application.Partnerships.ListPartnerships;

public sealed class ListPartnershipsQueryValidator : AbstractValidator<ListPartnershipsQuery>
{
    public ListPartnershipsQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.Status).Must(s => RuleExtensions.TryParseWireEnum<PartnershipStatus>(s, out _))
            .WithMessage($"'status' must be one of: {RuleExtensions.WireNames<PartnershipStatus>()}.");
    }
}

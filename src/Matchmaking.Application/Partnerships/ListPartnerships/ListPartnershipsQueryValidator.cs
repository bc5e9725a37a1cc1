using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Application.Partnerships.ListPartnerships;

public sealed class ListPartnershipsQueryValidator : AbstractValidator<ListPartnershipsQuery>
{
    public ListPartnershipsQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.Status).OptionalWireEnum<ListPartnershipsQuery, PartnershipStatus>();
    }
}

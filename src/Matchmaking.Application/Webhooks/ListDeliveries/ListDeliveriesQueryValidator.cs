using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Webhooks.ListDeliveries;

public sealed class ListDeliveriesQueryValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.Status).OptionalWireEnum<ListDeliveriesQuery, DeliveryStatus>();
    }
}

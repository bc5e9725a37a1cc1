using FluentValidation;
using Matchmaking.Domain.Events;

namespace Matchmaking.Application.Events.ListEvents;

public sealed class ListEventsQueryValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsQueryValidator()
    {
        RuleFor(q => q.After).Must(after => EventCursor.TryDecode(after, out _)).When(q => q.After is not null)
            .WithMessage("'after' is not a cursor this feed gave out: pass the 'next' of an earlier page.");
        RuleFor(q => q.Types).Must(types => types!.Length <= 1000).When(q => q.Types is not null).WithMessage("'types' is too long.");
        RuleForEach(q => q.TypeList).Must(EventTypes.IsKnown).OverridePropertyName("types")
            .WithMessage((_, type) => $"'{type}' is not an event type; known: {string.Join(", ", EventTypes.All)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListEventsQuery.MaxLimit)
            .WithMessage($"'limit' must be between 1 and {ListEventsQuery.MaxLimit}.");
    }
}

using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Audit.ListAuditEntries;

public sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(q => q.Entity).MaximumLength(50);
    }
}

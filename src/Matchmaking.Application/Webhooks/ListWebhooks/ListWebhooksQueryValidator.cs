using FluentValidation;
using Matchmaking.Application.Common.Validation;

namespace Matchmaking.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator() => this.AddPageRules();
}

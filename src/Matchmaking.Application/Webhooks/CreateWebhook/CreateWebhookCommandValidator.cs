using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Events;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(WebhookOptions options)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new WebhookInputValidator(options));
    }
}

public sealed class WebhookInputValidator : AbstractValidator<WebhookInput>
{
    public const int MaxEvents = 50;

    public WebhookInputValidator(WebhookOptions options)
    {
        RuleFor(w => w.Url).Cascade(CascadeMode.Stop).RequiredText(WebhookSubscription.MaxUrlLength)
            .Must(url => WebhookTargets.Refusal(url, options) is null)
            .WithMessage(w => WebhookTargets.Refusal(w.Url, options) ?? string.Empty);
        RuleFor(w => w.Events).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("'events' names at least one event type.")
            .Must(e => e!.Count <= MaxEvents).WithMessage($"'events' holds at most {MaxEvents} types.");
        RuleForEach(w => w.Events).Must(EventTypes.IsKnown)
            .WithMessage((_, type) => $"'{type}' is not an event type; known: {string.Join(", ", EventTypes.All)}.");
        RuleFor(w => w.Description).OptionalText(WebhookSubscription.MaxDescriptionLength);
    }
}

using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Access;

namespace Matchmaking.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").DependentRules(() =>
        {
            RuleFor(c => c.Body.Name).RequiredText(RuleExtensions.ShortTextMaxLength);
            RuleFor(c => c.Body.Role).RequiredEnum();
            RuleFor(c => c.Body.OrganizationId).NotNull()
                .When(c => c.Body.Role is Role.Buyer or Role.Supplier)
                .WithMessage("'organizationId' is required for buyer and supplier keys: the buyer or supplier the key acts for.");
            RuleFor(c => c.Body.OrganizationId).Null()
                .When(c => c.Body.Role is Role.Admin or Role.Analyst)
                .WithMessage("'organizationId' must be absent for admin and analyst keys.");
        });
    }
}

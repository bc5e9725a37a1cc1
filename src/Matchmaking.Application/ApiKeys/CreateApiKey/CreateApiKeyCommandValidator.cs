using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Access;

namespace Matchmaking.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.").SetValidator(new ApiKeyInputValidator());
    }
}

public sealed class ApiKeyInputValidator : AbstractValidator<ApiKeyInput>
{
    public ApiKeyInputValidator()
    {
        RuleFor(k => k.Name).RequiredText(RuleExtensions.ShortTextMaxLength);
        RuleFor(k => k.Role).RequiredEnum();
        RuleFor(k => k.OrganizationId).NotNull()
            .When(k => k.Role is Role.Buyer or Role.Supplier or Role.Financier)
            .WithMessage("'organizationId' is required for buyer, supplier and financier keys: the organisation the key acts for.");
        RuleFor(k => k.OrganizationId).Null()
            .When(k => k.Role is Role.Admin or Role.Analyst)
            .WithMessage("'organizationId' must be absent for admin and analyst keys.");
    }
}

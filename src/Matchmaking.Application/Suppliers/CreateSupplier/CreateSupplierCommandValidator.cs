using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Suppliers.CreateSupplier;

public sealed class CreateSupplierCommandValidator : AbstractValidator<CreateSupplierCommand>
{
    public CreateSupplierCommandValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.")
            .SetValidator(new SupplierInputValidator(catalog));
    }
}

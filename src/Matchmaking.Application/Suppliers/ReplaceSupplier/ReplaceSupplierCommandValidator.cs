using FluentValidation;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Suppliers.ReplaceSupplier;

public sealed class ReplaceSupplierCommandValidator : AbstractValidator<ReplaceSupplierCommand>
{
    public ReplaceSupplierCommandValidator(ReferenceCatalog catalog)
    {
        RuleFor(c => c.Body).NotNull().WithMessage("A request body is required.")
            .SetValidator(new SupplierInputValidator(catalog));
    }
}

using FluentValidation;
using FluentValidation.Validators;

namespace Matchmaking.Application.Common.Validation;

/// <summary>A list's size limit that the OpenAPI document can read back as <c>maxItems</c>.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

public sealed class MaxItemsValidator<T, TElement>(int max) : PropertyValidator<T, List<TElement>?>, IMaxItemsValidator
{
    public int Max => max;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, List<TElement>? value) => value is null || value.Count <= max;

    protected override string GetDefaultMessageTemplate(string errorCode) => $"At most {max} items.";
}

public static class MaxItemsRule
{
    public static IRuleBuilderOptions<T, List<TElement>?> MaxItems<T, TElement>(this IRuleBuilder<T, List<TElement>?> rule, int max, string what) =>
        rule.SetValidator(new MaxItemsValidator<T, TElement>(max)).WithMessage($"At most {max} {what}.");
}

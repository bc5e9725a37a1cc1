using FluentValidation;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Buyers;

/// <summary>A buyer organisation as clients send it (create and replace).</summary>
public sealed record BuyerInput
{
    /// <summary>Legal name, e.g. "PT PLN (Persero)".</summary>
    public string? Name { get; init; }

    public BuyerType? Type { get; init; }

    /// <summary>Sector, e.g. "electricity".</summary>
    public string? Sector { get; init; }

    /// <summary>BPS province code of the procuring unit.</summary>
    public string? ProvinceCode { get; init; }

    public BuyerProfile ToProfile() => new(Name!.Trim(), Type!.Value, Sector, ProvinceCode!);
}

public sealed class BuyerInputValidator : AbstractValidator<BuyerInput>
{
    public BuyerInputValidator(ReferenceCatalog catalog)
    {
        RuleFor(b => b.Name).RequiredText();
        RuleFor(b => b.Type).RequiredEnum();
        RuleFor(b => b.Sector).OptionalText(RuleExtensions.ShortTextMaxLength);
        RuleFor(b => b.ProvinceCode).KnownProvince(catalog);
    }
}

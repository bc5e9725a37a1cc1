using FluentValidation;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Application.Common.Validation;

/// <summary>Rules shared by several inputs, so each message reads the same everywhere.</summary>
public static class RuleExtensions
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int LongTextMaxLength = 4000;

    /// <summary>How far ahead a delivery date may lie.</summary>
    public const int NeededByMaxYearsAhead = 10;

    /// <summary>The sane range for certificate dates (a date beyond it is a typing error, not a plan).</summary>
    public static readonly DateOnly EarliestDate = new(1945, 8, 17);
    public static readonly DateOnly LatestValidUntil = new(2100, 12, 31);

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength = NameMaxLength) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is required.")
            .MaximumLength(maxLength).WithMessage($"'{{PropertyName}}' must be at most {maxLength} characters.")
            .Must(IsPrintable).WithMessage("'{PropertyName}' must not contain control characters.");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).WithMessage($"'{{PropertyName}}' must be at most {maxLength} characters.")
            .Must(IsPrintable).WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>PostgreSQL text cannot hold NUL, and no field here needs control characters other than line breaks and tabs.</summary>
    public static bool IsPrintable(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static IRuleBuilderOptions<T, string?> KnownProvince<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is required.")
            .Must(catalog.IsProvince).WithMessage("'{PropertyName}' must be one of the 38 BPS province codes (see GET /api/v1/reference/provinces).");

    public static IRuleBuilderOptions<T, string?> KnownCapability<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.NotEmpty().WithMessage("'{PropertyName}' is required.")
            .Must(catalog.IsCapability).WithMessage("'{PropertyName}' must be a code of the capability taxonomy (see GET /api/v1/reference/capabilities).");

    /// <summary>An optional province filter: absent, or one of the 38.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalProvince<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.Must(code => string.IsNullOrEmpty(code) || catalog.IsProvince(code))
            .WithMessage("'{PropertyName}' must be one of the 38 BPS province codes.");

    /// <summary>An optional capability filter: absent, or a taxonomy code.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalCapability<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.Must(code => string.IsNullOrEmpty(code) || catalog.IsCapability(code))
            .WithMessage("'{PropertyName}' must be a code of the capability taxonomy.");

    /// <summary>An optional enum filter given as text: absent, or one of the wire names.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalWireEnum<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => TryParseWireEnum<TEnum>(value, out _))
            .WithMessage($"'{{PropertyName}}' must be one of: {WireNames<TEnum>()}.");

    public static IRuleBuilderOptions<T, TEnum?> RequiredEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum =>
        rule.NotNull().WithMessage("'{PropertyName}' is required.").IsInEnum();

    public static void ValidLocation<T>(this IRuleBuilder<T, LocationInput?> rule) =>
        rule.NotNull().WithMessage("'{PropertyName}' is required.").SetValidator(new LocationInputValidator()!);

    /// <summary>Parses an optional enum filter given as text (<c>small</c>, <c>large_private</c>).</summary>
    public static bool TryParseWireEnum<TEnum>(string? value, out TEnum? parsed)
        where TEnum : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && Enum.TryParse<TEnum>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var result))
        {
            parsed = result;
            return true;
        }

        return false;
    }

    /// <summary>The parsed filter, or null when it is absent (invalid values are rejected by validators first).</summary>
    public static TEnum? ParseWireEnumOrNull<TEnum>(string? value)
        where TEnum : struct, Enum =>
        TryParseWireEnum<TEnum>(value, out var parsed) ? parsed : null;

    public static string WireNames<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(WireName));

    public static string WireName(string enumName) =>
        string.Concat(enumName.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}

public sealed class LocationInputValidator : AbstractValidator<LocationInput>
{
    public LocationInputValidator()
    {
        RuleFor(l => l.Latitude).NotNull().WithMessage("'latitude' is required.")
            .InclusiveBetween(GeoPoint.MinLatitude, GeoPoint.MaxLatitude)
            .WithMessage($"'latitude' must lie inside Indonesia ({GeoPoint.MinLatitude}..{GeoPoint.MaxLatitude}).");
        RuleFor(l => l.Longitude).NotNull().WithMessage("'longitude' is required.")
            .InclusiveBetween(GeoPoint.MinLongitude, GeoPoint.MaxLongitude)
            .WithMessage($"'longitude' must lie inside Indonesia ({GeoPoint.MinLongitude}..{GeoPoint.MaxLongitude}).");
    }
}

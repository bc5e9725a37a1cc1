using System.Globalization;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Domain.Common;

namespace Matchmaking.Application.Suppliers.ImportSuppliers;

/// <summary>
/// The CSV form of a supplier for bulk import. Columns (header row required, any order, unknown ones rejected):
/// name, nib, legalForm, businessCapitalIdr, annualRevenueIdr, provinceCode, regencyCode, latitude, longitude,
/// kbliCodes (<c>24310;25920</c>), capabilities (<c>code:monthlyCapacity:unit;...</c>),
/// certifications (<c>scheme:validUntil[:number[:issuer]];...</c>), tkdnPercent, employees, exportExperience,
/// cooperative, description, contactName, contactEmail, contactPhone.
/// </summary>
public static class SupplierCsvRow
{
    public static readonly string[] Columns =
    [
        "name", "nib", "legalForm", "businessCapitalIdr", "annualRevenueIdr", "provinceCode", "regencyCode", "latitude", "longitude",
        "kbliCodes", "capabilities", "certifications", "tkdnPercent", "employees", "exportExperience", "cooperative", "description",
        "contactName", "contactEmail", "contactPhone",
    ];

    /// <summary>Maps one record; format errors are returned per field, like validation errors.</summary>
    public static (SupplierInput? Input, Dictionary<string, string[]> Errors) Parse(IReadOnlyList<string> header, IReadOnlyList<string> fields)
    {
        var errors = new Dictionary<string, string[]>();
        if (fields.Count != header.Count)
        {
            errors["row"] = [$"Expected {header.Count} fields, found {fields.Count}."];
            return (null, errors);
        }

        var row = header.Select((name, i) => (name, value: fields[i].Trim())).ToDictionary(x => x.name, x => x.value.Length == 0 ? null : x.value);
        string? Text(string column) => row.GetValueOrDefault(column);
        T? Number<T>(string column)
            where T : struct, IParsable<T>
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors[column] = [$"'{text}' is not a valid number."];
            return null;
        }

        TEnum? Enum<TEnum>(string column, string? text)
            where TEnum : struct, System.Enum
        {
            if (text is null)
            {
                return null;
            }

            if (RuleExtensions.TryParseWireEnum<TEnum>(text, out var value))
            {
                return value;
            }

            errors[column] = [$"'{text}' must be one of: {RuleExtensions.WireNames<TEnum>()}."];
            return null;
        }

        var capabilities = new List<SupplierCapabilityInput>();
        foreach (var item in Split(Text("capabilities")))
        {
            var parts = item.Split(':');
            decimal? capacity = null;
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                if (decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    capacity = parsed;
                }
                else
                {
                    errors["capabilities"] = [$"'{item}' must be code:monthlyCapacity:unit."];
                }
            }

            capabilities.Add(new SupplierCapabilityInput { Code = parts[0], MonthlyCapacity = capacity, Unit = parts.Length > 2 ? parts[2] : null });
        }

        var certifications = new List<CertificationInput>();
        foreach (var item in Split(Text("certifications")))
        {
            var parts = item.Split(':');
            DateOnly? validUntil = null;
            if (parts.Length > 1 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                validUntil = date;
            }
            else
            {
                errors["certifications"] = [$"'{item}' must be scheme:YYYY-MM-DD[:number[:issuer]]."];
            }

            certifications.Add(new CertificationInput
            {
                Scheme = Enum<CertificationScheme>("certifications", parts[0]),
                ValidUntil = validUntil,
                Number = parts.Length > 2 ? parts[2] : null,
                Issuer = parts.Length > 3 ? parts[3] : null,
            });
        }

        var latitude = Number<double>("latitude");
        var longitude = Number<double>("longitude");
        bool? export = Text("exportExperience") switch
        {
            null => null,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            var other => Invalid(other),
        };

        bool? Invalid(string value)
        {
            errors["exportExperience"] = [$"'{value}' must be true or false."];
            return null;
        }

        var input = new SupplierInput
        {
            Name = Text("name"),
            Nib = Text("nib"),
            LegalForm = Enum<LegalForm>("legalForm", Text("legalForm")),
            BusinessCapitalIdr = Number<long>("businessCapitalIdr"),
            AnnualRevenueIdr = Number<long>("annualRevenueIdr"),
            ProvinceCode = Text("provinceCode"),
            RegencyCode = Text("regencyCode"),
            Location = latitude is null && longitude is null ? null : new LocationInput { Latitude = latitude, Longitude = longitude },
            KbliCodes = [.. Split(Text("kbliCodes"))],
            Capabilities = capabilities,
            Certifications = certifications,
            TkdnPercent = Number<decimal>("tkdnPercent"),
            Employees = Number<int>("employees"),
            ExportExperience = export,
            Cooperative = Text("cooperative"),
            Description = Text("description"),
            Contact = Text("contactName") is null && Text("contactEmail") is null && Text("contactPhone") is null
                ? null
                : new ContactInput { Name = Text("contactName"), Email = Text("contactEmail"), Phone = Text("contactPhone") },
        };
        return (errors.Count == 0 ? input : null, errors);
    }

    private static string[] Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

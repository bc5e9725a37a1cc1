using System.Globalization;
using Matchmaking.Application.Common.Csv;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Infrastructure.Persistence.ReferenceData;

/// <summary>
/// Reads the reference CSVs shipped inside this assembly (copies of shared/domain). The same data seeds
/// the database through migrations and backs the in-memory catalog validators use.
/// </summary>
public static class ReferenceDataLoader
{
    public static ReferenceCatalog Load() => new(LoadProvinces(), LoadCapabilities());

    public static IReadOnlyList<Province> LoadProvinces() =>
        Read("provinces.csv", row => new Province(
            row["code"], row["name"], row["capital"],
            double.Parse(row["latitude"], CultureInfo.InvariantCulture),
            double.Parse(row["longitude"], CultureInfo.InvariantCulture)));

    public static IReadOnlyList<Capability> LoadCapabilities() =>
        Read("capabilities.csv", row => new Capability(
            row["code"],
            string.IsNullOrWhiteSpace(row["parent_code"]) ? null : row["parent_code"],
            row["name_id"],
            row["name_en"],
            row["kbli_2020"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    private static List<T> Read<T>(string fileName, Func<Dictionary<string, string>, T> map)
    {
        var assembly = typeof(ReferenceDataLoader).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var rows = Rfc4180.ReadAll(reader.ReadToEnd());
        var header = rows[0];
        return rows.Skip(1)
            .Select(fields => header.Select((name, i) => (name, value: i < fields.Count ? fields[i] : string.Empty))
                .ToDictionary(p => p.name, p => p.value))
            .Select(map)
            .ToList();
    }
}

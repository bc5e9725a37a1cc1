namespace Matchmaking.Domain.Common;

/// <summary>Format rules of Indonesian business identifiers.</summary>
public static class Identifiers
{
    /// <summary>NIB (Nomor Induk Berusaha, OSS-RBA): exactly 13 digits, no public check digit.</summary>
    public static bool IsValidNib(string? nib) => IsDigits(nib, 13);

    /// <summary>KBLI business activity code: 5 digits.</summary>
    public static bool IsValidKbli(string? code) => IsDigits(code, 5);

    /// <summary>BPS province code: 2 digits (membership in the 38 is checked against reference data).</summary>
    public static bool IsProvinceCodeFormat(string? code) => IsDigits(code, 2);

    /// <summary>BPS regency/city code: 4 digits starting with its province's 2.</summary>
    public static bool IsRegencyOf(string? regencyCode, string? provinceCode) =>
        IsDigits(regencyCode, 4) && provinceCode is not null && regencyCode!.StartsWith(provinceCode, StringComparison.Ordinal);

    private static bool IsDigits(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiDigit);
}

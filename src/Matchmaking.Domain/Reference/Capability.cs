namespace Matchmaking.Domain.Reference;

/// <summary>A node of the capability taxonomy, e.g. <c>metal.casting.iron</c> under <c>metal.casting</c>.</summary>
public sealed class Capability(string code, string? parentCode, string nameId, string nameEn, IReadOnlyList<string> kbliCodes)
{
    public string Code { get; private set; } = code;
    public string? ParentCode { get; private set; } = parentCode;
    public string NameId { get; private set; } = nameId;
    public string NameEn { get; private set; } = nameEn;
    public IReadOnlyList<string> KbliCodes { get; private set; } = kbliCodes;

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> itself or lies below it.</summary>
    public static bool IsSameOrDescendant(string code, string ancestor) =>
        code == ancestor || code.StartsWith(ancestor + ".", StringComparison.Ordinal);

    /// <summary>Levels between a code and its ancestor: 0 for the same code, 1 for a child, ...</summary>
    public static int Depth(string code) => code.Count(c => c == '.');
}

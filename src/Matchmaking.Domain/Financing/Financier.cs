namespace Matchmaking.Domain.Financing;

public enum FinancierType
{
    Bank,
    FinanceCompany,
    Cooperative,
    PartnershipFund,
}

/// <summary>A bank, finance company, cooperative or a BUMN's partnership fund that lends against confirmed orders.</summary>
public sealed class Financier(Guid id, string name, FinancierType type, DateTimeOffset createdAt)
{
    public Guid Id { get; private set; } = id;
    public string Name { get; private set; } = name;
    public FinancierType Type { get; private set; } = type;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}

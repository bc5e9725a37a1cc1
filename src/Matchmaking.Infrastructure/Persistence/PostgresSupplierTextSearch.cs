using Matchmaking.Application.Suppliers.ListSuppliers;
using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Persistence;

/// <summary>Case-insensitive substring search with ILIKE on the expression of ix_suppliers_search_trgm, so the trigram index serves it.</summary>
public sealed class PostgresSupplierTextSearch : ISupplierTextSearch
{
    public IQueryable<Supplier> Matching(IQueryable<Supplier> suppliers, string text)
    {
        var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return suppliers.Where(s => EF.Functions.ILike(s.Name + " " + (s.Description ?? string.Empty), pattern));
    }
}

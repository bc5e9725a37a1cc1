using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers.ListSuppliers;

/// <summary>Free-text search over a supplier's name and description (the list's <c>q</c>), as the database's index serves it.</summary>
public interface ISupplierTextSearch
{
    IQueryable<Supplier> Matching(IQueryable<Supplier> suppliers, string text);
}

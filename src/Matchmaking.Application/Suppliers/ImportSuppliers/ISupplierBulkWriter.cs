using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers.ImportSuppliers;

/// <summary>Writes a batch of suppliers in one transaction, inserting new NIBs and replacing existing ones.</summary>
public interface ISupplierBulkWriter
{
    /// <returns>How many were inserted and how many updated. Throws (and stores nothing) when the batch fails.</returns>
    Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<Supplier> batch, CancellationToken cancellationToken);
}

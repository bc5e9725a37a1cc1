using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Suppliers.ImportSuppliers;

/// <summary>Writes a batch of suppliers in one transaction, inserting new NIBs and replacing existing ones.</summary>
public interface ISupplierBulkWriter
{
    /// <returns>How many were inserted and how many updated. Throws (and stores nothing) when the batch fails.</returns>
    Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<Supplier> batch, CancellationToken cancellationToken);

    /// <summary>
    /// For an initial load into an (almost) empty registry: drops the search index so batches do not maintain
    /// it row by row; disposing the handle rebuilds it once. Throws a conflict when the registry is not empty enough.
    /// </summary>
    Task<IAsyncDisposable> DeferSearchIndexAsync(CancellationToken cancellationToken);
}

namespace Matchmaking.Application.Common;

/// <summary>
/// A number that changes, in the same transaction, with every write to the supplier registry (create,
/// replace, deactivate, import). Counts cached under it are exact until the next write, on any instance.
/// </summary>
public interface IRegistryVersion
{
    Task<long> SuppliersAsync(CancellationToken cancellationToken);
}

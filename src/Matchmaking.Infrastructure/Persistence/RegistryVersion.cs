using Matchmaking.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Infrastructure.Persistence;

/// <summary>Reads the version that statement-level triggers on the supplier tables bump (migration RegistryVersions).</summary>
public sealed class RegistryVersion(ApplicationDbContext db) : IRegistryVersion
{
    public async Task<long> SuppliersAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM registry_versions WHERE name = 'suppliers'").SingleAsync(cancellationToken);
}

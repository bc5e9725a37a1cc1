using Matchmaking.Application.Matching.RunMatch;
using Matchmaking.Infrastructure.Matching;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Benchmarks;

/// <summary>Prints the ranking statement a match run sends for a need, so psql can time it bare (the floor).</summary>
public static class CandidateSql
{
    public static async Task<string> ForNeedAsync(string connectionString, Guid needId)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new ApplicationDbContext(options);
        var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        return PostgresCandidateRanker.Sql(need, DateOnly.FromDateTime(DateTime.UtcNow), RunMatchCommandHandler.ContenderPool,
            RunMatchCommandHandler.MaxStoredNearMisses, CapabilityBits.Of(ReferenceDataLoader.Load())) + ";";
    }
}

using System.Diagnostics;
using Matchmaking.Application.Matching.RunMatch;
using Matchmaking.Infrastructure.Matching;
using Matchmaking.Infrastructure.Persistence;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Prints every ranking statement a match run sends for a need, so psql can time them bare (the floor): the ranker
/// itself runs, as the API runs it, and Npgsql's trace of each command it executes is kept. A need whose first bar
/// proves too high is ranked in two or more statements, and all of them are the floor.
/// </summary>
public static class CandidateSql
{
    public static async Task<string> ForNeedAsync(string connectionString, Guid needId, bool wholeReach = false, bool touchFloor = false)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;
        await using var db = new ApplicationDbContext(options);
        var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        if (touchFloor)
        {
            return PostgresCandidateRanker.TouchFloorSql(need, CapabilityBits.Of(ReferenceDataLoader.Load())) + ";";
        }

        if (wholeReach)
        {
            // What session 9 sent for every need: one statement over the whole near-miss reach, no index (the comparison's reference).
            return PostgresCandidateRanker.Sql(need, DateOnly.FromDateTime(DateTime.UtcNow), RunMatchCommandHandler.ContenderPool, RunMatchCommandHandler.MaxStoredNearMisses,
                CapabilityBits.Of(ReferenceDataLoader.Load())) + ";";
        }

        var statements = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string sql)
                {
                    statements.Add(sql);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var ranker = new PostgresCandidateRanker(db, ReferenceDataLoader.Load());
        await ranker.RankAsync(need, DateOnly.FromDateTime(DateTime.UtcNow), RunMatchCommandHandler.ContenderPool, RunMatchCommandHandler.MaxStoredNearMisses, CancellationToken.None);
        if (statements.Count == 0)
        {
            throw new InvalidOperationException("Npgsql traced no ranking statement; its tag names may have changed.");
        }

        return string.Join(";\n", statements) + ";";
    }
}

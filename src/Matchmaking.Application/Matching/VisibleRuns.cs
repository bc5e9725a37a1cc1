using Matchmaking.Application.Common;
using Matchmaking.Application.Needs;
using Matchmaking.Domain.Matching;

namespace Matchmaking.Application.Matching;

public static class VisibleRuns
{
    /// <summary>The requested run of a need the caller may see, or its latest run when none is named.</summary>
    public static IQueryable<MatchRun> Of(IApplicationDbContext db, ICurrentUser user, Guid needId, Guid? runId)
    {
        var visibleNeed = db.Needs.VisibleTo(user).Where(n => n.Id == needId).Select(n => n.Id);
        return db.MatchRuns
            .Where(r => visibleNeed.Contains(r.NeedId) && (runId == null || r.Id == runId))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
    }
}

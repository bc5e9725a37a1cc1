using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Needs;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Matchmaking.Application.Matching.RunMatch;

/// <summary>Computes and persists a ranked snapshot of the suppliers that meet an open need.</summary>
public sealed record RunMatchCommand(Guid NeedId) : IRequest<MatchRunDto>;

public sealed class RunMatchCommandHandler(IApplicationDbContext db, TimeProvider clock, ICurrentUser user) : IRequestHandler<RunMatchCommand, MatchRunDto>
{
    /// <summary>A run keeps the best this many single matches; nobody reads past them.</summary>
    public const int MaxStoredMatches = 1000;

    public async Task<MatchRunDto> Handle(RunMatchCommand request, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(n => n.Id == request.NeedId, cancellationToken)
            ?? throw new NotFoundException("Need", request.NeedId);
        if (need.Status != NeedStatus.Open)
        {
            throw new ConflictException($"The need is {need.Status.ToString().ToLowerInvariant()}; match runs need an open need.");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var candidates = await CandidateQuery.For(db, need).AsSplitQuery().ToListAsync(cancellationToken);
        var ranked = candidates
            .Select(s => MatchScorer.Score(need, s, today, TrackRecordFigures.None))
            .Where(s => need.MaxDistanceKm is not { } max || s.DistanceKm <= max)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Supplier.Id)
            .Take(MaxStoredMatches)
            .ToList();

        var run = new MatchRun(Guid.CreateVersion7(), need.Id, now, candidates.Count, ranked.Count);
        db.MatchRuns.Add(run);
        db.Matches.AddRange(ranked.Select((s, index) => new Match(
            Guid.CreateVersion7(), run.Id, need.Id, index + 1, MatchKind.Single, s.Supplier.Id, [],
            s.Score, s.Components, Math.Round(s.DistanceKm, 1), s.Reasons)));
        await db.SaveChangesAsync(cancellationToken);
        return new MatchRunDto(run.Id, run.NeedId, run.CreatedAt, run.CandidatesConsidered, run.MatchCount);
    }
}

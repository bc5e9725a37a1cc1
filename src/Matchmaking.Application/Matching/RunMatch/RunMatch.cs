using System.Globalization;
using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Matchmaking.Application.Matching.RunMatch;

/// <summary>Computes and persists a ranked snapshot of the suppliers (and consortia) that meet an open need.</summary>
public sealed record RunMatchCommand(Guid NeedId) : IRequest<MatchRunDto>;

public sealed partial class RunMatchCommandHandler(
    IApplicationDbContext db, ICandidateRanker ranker, IMatchRunWriter writer, TimeProvider clock, ICurrentUser user, IConfiguration configuration,
    MatchmakingMetrics metrics, ILogger<RunMatchCommandHandler> logger)
    : IRequestHandler<RunMatchCommand, MatchRunDto>
{
    /// <summary>A run stores the best this many proposals (a page holds at most 200).</summary>
    public const int MaxStoredMatches = 300;

    /// <summary>Near misses kept with the run for capability-gap analytics: the best by score.</summary>
    public const int MaxStoredNearMisses = 200;

    /// <summary>Consortia are formed from the best this many qualifying suppliers.</summary>
    public const int ConsortiumPool = 300;

    /// <summary>
    /// The best this many qualifying suppliers (by merit) come back from the ranking; fair exposure reorders
    /// bands of near-equal scores among them, so a band reaching the stored top is cut here (docs/decisions/0005).
    /// </summary>
    public const int ContenderPool = 600;

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
        var started = clock.GetTimestamp();
        var ranking = await ranker.RankAsync(need, today, ContenderPool, MaxStoredNearMisses, cancellationToken);
        var ranked = clock.GetTimestamp();
        var merit = ExposureRanking.MeritOrder(ranking.Matches, need.Id, c => c.SupplierId, c => c.Score).Take(ContenderPool).ToList();

        // Fair exposure: among near-equals, the least exposed first. Only suppliers whose band reaches the
        // stored top need their exposure read.
        var tolerance = need.ExposureTolerance ?? configuration.GetValue("Matching:ExposureTolerance", ExposureRanking.DefaultTolerance);
        var windowDays = configuration.GetValue("Matching:ExposureWindowDays", ExposureRanking.DefaultWindowDays);
        var families = need.CapabilityCodes.Select(ExposureHistory.FamilyOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var contenders = merit.Take(ExposureRanking.ReachOfTop(merit, c => c.Score, MaxStoredMatches,
            need.Ranking == RankingMode.Strict ? 0 : tolerance)).ToList();
        var exposure = need.Ranking == RankingMode.Balanced
            ? await ExposureHistory.ForAsync(db, contenders.Select(c => c.SupplierId).ToList(), families, now.AddDays(-windowDays), cancellationToken)
            : [];
        var top = ExposureRanking.Order(contenders, need.Id, c => c.SupplierId, c => c.Score, c => exposure.GetValueOrDefault(c.SupplierId), need.Ranking, tolerance)
            .Take(MaxStoredMatches)
            .ToList();

        // Reasons, consortia and gaps need the full profile: read it once, only for the stored top, the consortium pool and the near misses kept.
        var consortiumPool = need.AllowConsortium && !ranking.SomeoneDeliversAll ? merit.Take(ConsortiumPool).ToList() : [];
        var keptNearMisses = NearMissFinder.Best(need, ranking.NearMisses, MaxStoredNearMisses);
        var detailIds = top.Select(t => t.Item).Concat(consortiumPool).Select(c => c.SupplierId).Distinct().ToList();
        var readIds = detailIds.Union(keptNearMisses.Select(n => n.SupplierId)).ToList();
        var ordered = clock.GetTimestamp();
        var records = await Reputation.TrackRecordsAsync(db, readIds, cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => readIds.Contains(s.Id)).AsSplitQuery().ToDictionaryAsync(s => s.Id, cancellationToken);
        var read = clock.GetTimestamp();
        var details = detailIds.Where(suppliers.ContainsKey)
            .ToDictionary(id => id, id => MatchScorer.Score(need, suppliers[id], today, records.GetValueOrDefault(id, TrackRecordFigures.None)));

        var runId = Guid.CreateVersion7();
        var singles = top.Where(t => details.ContainsKey(t.Item.SupplierId)).Select(t => (Scored: details[t.Item.SupplierId], t.Lifted)).Select(s => new Proposal(
            MatchKind.Single, s.Scored.Supplier.Id, [], s.Scored.Score, s.Scored.Components, s.Scored.DistanceKm,
            s.Lifted ? [.. s.Scored.Reasons, LiftedReason(tolerance, windowDays)] : s.Scored.Reasons,
            need.Ranking == RankingMode.Balanced ? Math.Round(exposure.GetValueOrDefault(s.Scored.Supplier.Id), 4) : null)).ToList();
        var consortia = consortiumPool.Count > 0
            ? Consortia(need, consortiumPool.Where(c => details.ContainsKey(c.SupplierId)).Select(c => details[c.SupplierId]).ToList()).OrderByDescending(p => p.Score).ToList()
            : [];
        var matches = MergeByScore(singles, consortia)
            .Take(MaxStoredMatches)
            .Select((p, index) => new Match(Guid.CreateVersion7(), runId, need.Id, index + 1, p.Kind, p.SupplierId, p.Members,
                p.Score, p.Components, Math.Round(p.DistanceKm, 1), p.Reasons, p.Exposure))
            .ToList();
        var run = new MatchRun(runId, need.Id, now, ranking.Qualifying, matches.Count);
        run.RecordRanking(need.Ranking, tolerance, families,
            singles.Count == 0 ? null : singles.Take(ExposureRanking.ExposedPositions).Average(p => p.Score),
            merit.Count == 0 ? null : merit.Take(ExposureRanking.ExposedPositions).Average(c => c.Score));

        var scored = clock.GetTimestamp();
        var facilities = keptNearMisses.Count == 0 ? [] : await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var nearMisses = NearMissFinder.Describe(need, keptNearMisses, suppliers, records, facilities, today);
        var described = clock.GetTimestamp();
        await writer.WriteAsync(run, matches, [.. nearMisses.Select(n => new NearMissRecord(
            Guid.CreateVersion7(), run.Id, need.Id, n.Supplier.Id, n.Supplier.ProvinceCode, n.Gap.Kind, n.Gap.Subject, n.Gap.Message, n.UpgradePath?.FacilityId))], cancellationToken);
        metrics.MatchRunCandidates.Record(ranking.Qualifying);
        LogRun(run.Id, ranking.Qualifying, ranking.Scans, ranking.NarrowedToTheCode, Ms(started, ranked), Ms(ranked, ordered), Ms(ordered, read), Ms(read, scored), Ms(scored, described), Ms(described, clock.GetTimestamp()));
        return new MatchRunDto(run.Id, run.NeedId, run.CreatedAt, run.CandidatesConsidered, run.MatchCount);
    }

    private double Ms(long from, long to) => clock.GetElapsedTime(from, to).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message =
        "Match run {RunId} ({Qualifying} qualifying): ranking {RankMs:F1} ms in {Scans} scan(s) (narrowed to the code: {Narrowed}), exposure {ExposureMs:F1} ms, reading the kept suppliers {ReadMs:F1} ms, scoring them with consortia {ScoreMs:F1} ms, near misses {NearMs:F1} ms, saving {SaveMs:F1} ms")]
    private partial void LogRun(Guid runId, int qualifying, int scans, bool narrowed, double rankMs, double exposureMs, double readMs, double scoreMs, double nearMs, double saveMs);

    /// <summary>Consortia only when no single qualifying supplier can deliver the whole quantity by the date.</summary>
    private static IEnumerable<Proposal> Consortia(Need need, List<ScoredSupplier> qualifying)
    {
        var quantity = (double)need.Quantity;
        var byId = qualifying.ToDictionary(s => s.Supplier.Id);
        var proposals = ConsortiumBuilder.Propose(
            qualifying.Select(s => new ConsortiumCandidate(s.Supplier.Id, s.Supplier.Name, s.Supplier.Location.Latitude, s.Supplier.Location.Longitude, s.Deliverable, s.Score)).ToList(),
            quantity);
        foreach (var proposal in proposals)
        {
            double Weighted(Func<ScoredSupplier, double> value) => proposal.Members.Sum(m => m.Share * value(byId[m.Member.SupplierId]));
            var components = new ScoreComponents(
                Weighted(s => s.Components.Capability), 1.0, Weighted(s => s.Components.Proximity),
                Weighted(s => s.Components.TrackRecord), Weighted(s => s.Components.LocalContent));
            var members = proposal.Members.Select(m => new ConsortiumMember(m.Member.SupplierId, m.Member.Name, Math.Round(m.Share, 4))).ToList();
            var reasons = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"No single supplier can deliver {need.Quantity:0.##} {need.Unit} by {need.NeededBy:yyyy-MM-dd}; together these {members.Count} can"),
                string.Create(CultureInfo.InvariantCulture, $"Lead {members[0].Name} delivers {members[0].Share:P0}; no member above {ConsortiumBuilder.MaxShare:P0}"),
                string.Create(CultureInfo.InvariantCulture, $"Members lie within {ConsortiumBuilder.RadiusKm:0} km of the lead"),
            };
            reasons.AddRange(proposal.Members.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m.Member.Name}: {m.Share * quantity:0.##} {need.Unit} ({m.Share:P0}), {byId[m.Member.SupplierId].DistanceKm:0.#} km from delivery")));
            yield return new Proposal(MatchKind.Consortium, null, members, components.ScoreWith(need.Weights), components,
                Weighted(s => s.DistanceKm), reasons);
        }
    }

    private static string LiftedReason(double tolerance, int windowDays) => string.Create(CultureInfo.InvariantCulture,
        $"Placed above suppliers within {tolerance:0.##} points of its score: less exposure in top-10 positions over the last {windowDays} days");

    /// <summary>Singles keep their (balanced) order; a consortium goes before the first single that scores lower.</summary>
    private static IEnumerable<Proposal> MergeByScore(List<Proposal> singles, List<Proposal> consortia)
    {
        var next = 0;
        foreach (var single in singles)
        {
            while (next < consortia.Count && consortia[next].Score > single.Score)
            {
                yield return consortia[next++];
            }

            yield return single;
        }

        while (next < consortia.Count)
        {
            yield return consortia[next++];
        }
    }

    private sealed record Proposal(
        MatchKind Kind, Guid? SupplierId, List<ConsortiumMember> Members, double Score, ScoreComponents Components, double DistanceKm, List<string> Reasons,
        double? Exposure = null);
}

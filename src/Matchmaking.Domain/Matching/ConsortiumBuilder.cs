namespace Matchmaking.Domain.Matching;

/// <summary>A qualifying supplier as the consortium rule sees it.</summary>
public sealed record ConsortiumCandidate(Guid SupplierId, string Name, double Latitude, double Longitude, double Deliverable, double Score);

/// <summary>A proposed group: members with their shares (sum 1), lead first.</summary>
public sealed record ConsortiumProposal(IReadOnlyList<(ConsortiumCandidate Member, double Share)> Members)
{
    public ConsortiumCandidate Lead => Members[0].Member;
}

/// <summary>
/// Groups small qualifying suppliers when none alone can deliver the quantity by the need's date.
/// Rule: each qualifying supplier, best first, anchors a group; the group takes the anchor's neighbours
/// within <see cref="RadiusKm"/> (best score first, then nearest) until their combined allocation covers
/// the quantity. A member is allocated what it can deliver, but never more than 70% of the quantity
/// (the KSO lead cap); shares are allocations over their sum, so each share is proportional to what the
/// member delivers and none exceeds 0.7. The lead is the largest share. At most five distinct groups.
/// </summary>
public static class ConsortiumBuilder
{
    public const double MaxShare = 0.7;
    public const double RadiusKm = 100;
    public const int MaxProposals = 5;
    public const int MaxMembers = 10;

    public static List<ConsortiumProposal> Propose(IReadOnlyList<ConsortiumCandidate> candidates, double quantity)
    {
        var proposals = new List<ConsortiumProposal>();
        if (quantity <= 0 || candidates.Any(c => c.Deliverable >= quantity))
        {
            return proposals;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.SupplierId).ToList();
        foreach (var anchor in ordered)
        {
            var anchorPoint = new Common.GeoPoint(anchor.Latitude, anchor.Longitude);
            var neighbours = ordered
                .Where(c => c.SupplierId != anchor.SupplierId && c.Deliverable > 0)
                .Select(c => (Candidate: c, Km: anchorPoint.DistanceKmTo(new Common.GeoPoint(c.Latitude, c.Longitude))))
                .Where(x => x.Km <= RadiusKm)
                .OrderByDescending(x => x.Candidate.Score).ThenBy(x => x.Km).ThenBy(x => x.Candidate.SupplierId)
                .Select(x => x.Candidate);

            var members = new List<ConsortiumCandidate> { anchor };
            var allocated = Allocation(anchor, quantity);
            foreach (var neighbour in neighbours)
            {
                if (allocated >= quantity || members.Count >= MaxMembers)
                {
                    break;
                }

                members.Add(neighbour);
                allocated += Allocation(neighbour, quantity);
            }

            if (allocated < quantity || anchor.Deliverable <= 0)
            {
                continue;
            }

            var key = string.Join(',', members.Select(m => m.SupplierId).Order());
            if (!seen.Add(key))
            {
                continue;
            }

            var shares = members
                .Select(m => (Member: m, Share: Allocation(m, quantity) / allocated))
                .OrderByDescending(x => x.Share).ThenBy(x => x.Member.SupplierId)
                .ToList();
            proposals.Add(new ConsortiumProposal(shares));
            if (proposals.Count == MaxProposals)
            {
                break;
            }
        }

        return proposals;
    }

    private static double Allocation(ConsortiumCandidate candidate, double quantity) => Math.Min(candidate.Deliverable, MaxShare * quantity);
}

using Matchmaking.Domain.Matching;

namespace Matchmaking.Domain.Tests;

public sealed class ConsortiumBuilderTests
{
    private static ConsortiumCandidate Candidate(int n, double deliverable, double score = 50, double latitude = -7.7, double longitude = 110.6) =>
        new(Guid.Parse($"00000000-0000-0000-0000-{n:D12}"), $"S{n}", latitude, longitude, deliverable, score);

    [Fact]
    public void NoProposal_WhenOneCandidateCoversTheQuantity() =>
        Assert.Empty(ConsortiumBuilder.Propose([Candidate(1, 1000), Candidate(2, 300)], 1000));

    [Fact]
    public void TwoEqualMembers_ShareEqually()
    {
        var proposal = ConsortiumBuilder.Propose([Candidate(1, 600, score: 60), Candidate(2, 600, score: 50)], 1000)[0];

        // allocations: min(600, 700) each → shares 0.5 / 0.5; tie broken by supplier id.
        Assert.Equal([0.5, 0.5], proposal.Members.Select(m => m.Share));
        Assert.Equal("S1", proposal.Lead.Name);
    }

    [Fact]
    public void BigMember_IsCappedAtSeventyPercent()
    {
        // Big can deliver 900 of 1000 but is allotted 700; with 200 + 200 the allotments sum to 1100.
        var proposal = ConsortiumBuilder.Propose([Candidate(1, 900, 90), Candidate(2, 200, 80), Candidate(3, 200, 70)], 1000)[0];

        Assert.Equal("S1", proposal.Lead.Name);
        Assert.Equal(700.0 / 1100, proposal.Members[0].Share, 9);
        Assert.Equal(200.0 / 1100, proposal.Members[1].Share, 9);
        Assert.All(proposal.Members, m => Assert.True(m.Share <= ConsortiumBuilder.MaxShare));
    }

    [Fact]
    public void NoProposal_WhenCappedAllotmentsCannotCoverTheQuantity() =>
        // 700 (capped from 900) + 200 = 900 < 1000.
        Assert.Empty(ConsortiumBuilder.Propose([Candidate(1, 900), Candidate(2, 200)], 1000));

    [Fact]
    public void MembersMustLieWithinTheRadiusOfTheLead()
    {
        var jayapura = Candidate(3, 600, 99, latitude: -2.53, longitude: 140.72);

        var proposals = ConsortiumBuilder.Propose([Candidate(1, 500, 60), Candidate(2, 500, 50), jayapura], 1000);

        Assert.Single(proposals);
        Assert.DoesNotContain(proposals[0].Members, m => m.Member.Name == "S3");
    }

    [Fact]
    public void AtMostFiveDistinctProposals()
    {
        var candidates = Enumerable.Range(1, 12).Select(i => Candidate(i, 300, 100 - i)).ToList();

        var proposals = ConsortiumBuilder.Propose(candidates, 1000);

        Assert.Equal(ConsortiumBuilder.MaxProposals, proposals.Count); // twelve who fit give more than five; five are kept
        Assert.Equal(proposals.Count, proposals.Select(p => string.Join(',', p.Members.Select(m => m.Member.SupplierId).Order())).Distinct().Count());
        Assert.All(proposals, p => Assert.Equal(1.0, p.Members.Sum(m => m.Share), 9));
    }
}

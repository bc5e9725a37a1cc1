using System.Net;
using System.Text;
using System.Text.Json;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Matching.ListNearMisses;
using Matchmaking.Application.Matching.RunMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Suppliers;
using Matchmaking.Infrastructure.Matching;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Api.Tests.Matching;

/// <summary>
/// The ranking runs in PostgreSQL; the domain's scoring functions are the specification. A seeded population
/// across the constraint edges (descendant and exact codes, capacities missing, certificates lapsing around the
/// date, TKDN at the minimum, distances around the limit and twice it, scales, inactive suppliers) is loaded by
/// the bulk import and by single writes; for varied needs, what the API stores and lists must be exactly what a
/// reference computed here in C#, supplier by supplier, gives.
/// </summary>
public sealed class EngineEquivalenceTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly (double Lat, double Lon)[] Towns = [(-6.99, 110.42), (-7.665, 110.678), (-6.87, 109.14)];

    private static readonly string[] Codes =
    [
        "metal", "metal.casting", "metal.casting.iron", "metal.casting.nonferrous", "metal.machining.cnc", "metal.machining.conventional",
        "metal.surface.galvanizing", "electrical.switchgear", "electrical.enclosures", "machinery.repair",
    ];

    [Fact]
    public async Task RankedMatchesAndNearMisses_AreExactlyTheReferences()
    {
        var random = new Random(20261124);
        var today = ApiFixture.Clock.Today;
        var neededBy = today.AddDays(120);
        var suppliers = Enumerable.Range(0, 2400).Select(i => Supplier(random, i, today, neededBy)).ToList();
        var ndjson = string.Concat(suppliers.Take(2300).Select(s => JsonSerializer.Serialize(s, HttpExtensions.Json) + "\n"));
        var imported = await (await Client.PostAsync("/api/v1/suppliers/import", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson")))
            .ReadAsync<ImportResultDto>();
        Assert.Equal(2300, imported.Accepted);
        foreach (var single in suppliers.Skip(2300))
        {
            await (await Client.PostJsonAsync("/api/v1/suppliers", single)).ReadAsync<SupplierDto>(HttpStatusCode.Created);
        }

        var buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        NeedInput[] needs =
        [
            Need(buyer, neededBy, ["metal.casting"]),
            Need(buyer, neededBy, ["metal.casting.iron"], [CertificationScheme.Sni], minTkdn: 25, maxKm: 100),
            Need(buyer, neededBy, ["metal.machining", "electrical.switchgear"], umkOnly: true, maxKm: 150),
            Need(buyer, neededBy, ["metal"], [CertificationScheme.Iso9001, CertificationScheme.Sni], quantity: 400_000),
            Need(buyer, neededBy, ["machinery.repair"], minTkdn: 30, maxKm: 60, umkOnly: true),
            Need(buyer, neededBy, ["metal.surface.galvanizing", "metal.casting"], [CertificationScheme.Sni], maxKm: 200, quantity: 90),
            Need(buyer, neededBy, ["electrical"], minTkdn: 40.5m, maxKm: 40),
            // Proximity, track record and local content weigh so much that suppliers lacking the code compete for the near-miss list.
            Need(buyer, neededBy, ["metal.casting.iron"], minTkdn: 10, maxKm: 150) with
            {
                Weights = new WeightsInput { Capability = 0.1, Capacity = 0.1, Proximity = 0.4, TrackRecord = 0.2, LocalContent = 0.2 },
            },
        ];

        var reads = new List<string>();
        foreach (var input in needs)
        {
            var needId = (await (await Client.PostJsonAsync("/api/v1/needs", input)).ReadAsync<NeedDto>(HttpStatusCode.Created)).Id;
            var run = await (await Client.PostAsync($"/api/v1/needs/{needId}/match-runs", null)).ReadAsync<MatchRunDto>(HttpStatusCode.Created);
            var reference = await ReferenceAsync(needId, DateOnly.FromDateTime(run.CreatedAt.UtcDateTime));

            Assert.Equal(reference.Qualifying.Count, run.CandidatesConsidered);
            var matches = await AllAsync<MatchDto>($"/api/v1/needs/{needId}/matches", 2);
            var expected = reference.Qualifying.Take(RunMatchCommandHandler.MaxStoredMatches).ToList();
            Assert.Equal(expected.Select(e => e.Supplier.Id), matches.Select(m => m.Supplier!.Id));
            foreach (var (want, got) in expected.Zip(matches))
            {
                AssertSame(want, got.Score, got.Components, got.DistanceKm);
                Assert.Equal(want.Reasons, got.Reasons);
            }

            var nearMisses = await AllAsync<NearMissDto>($"/api/v1/needs/{needId}/near-misses", 5);
            var expectedNear = reference.NearMisses.Take(ListNearMissesQueryHandler.MaxListed).ToList();
            Assert.Equal(expectedNear.Select(e => e.Scored.Supplier.Id), nearMisses.Select(n => n.Supplier.Id));
            foreach (var (want, got) in expectedNear.Zip(nearMisses))
            {
                AssertSame(want.Scored, got.Score, got.Components, got.DistanceKm);
                Assert.Equal([want.Gap.Message], got.Gaps);
            }

            // Best first, on purpose: near misses are no longer the first suppliers by id.
            Assert.True(nearMisses.Zip(nearMisses.Skip(1)).All(p => p.First.Score >= p.Second.Score));
            Assert.NotEmpty(nearMisses);
            await AssertTheBarsOnlyDecideTheWorkAsync(needId, DateOnly.FromDateTime(run.CreatedAt.UtcDateTime));
            reads.AddRange(await AssertTheFewBestNearMissesAsync(needId, DateOnly.FromDateTime(run.CreatedAt.UtcDateTime), reference.NearMisses));
        }

        // Each way of reading the near misses was taken.
        Assert.Equal(["covering the code alone", "lacking the code ranked apart", "whole reach", "with those lacking the code above the last"], reads.Distinct().Order());
    }

    /// <summary>
    /// Asked for its few best near misses, a need for one code below its family reads the suppliers covering the code
    /// (through the index) and then: nothing more when those near misses rank above anything a supplier lacking the code
    /// can score; the few lacking it that could still enter the list when they do not; the best of those lacking it,
    /// ranked apart, when too few cover the code to fill it. Read any way, the list is the reference's best few with
    /// every tie, and the near misses are counted up to the limit.
    /// </summary>
    /// <returns>Which way each list was read.</returns>
    private async Task<List<string>> AssertTheFewBestNearMissesAsync(Guid needId, DateOnly today, List<(ScoredSupplier Scored, Gap Gap)> reference)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var ranker = ActivatorUtilities.CreateInstance<PostgresCandidateRanker>(scope.ServiceProvider);
        var need = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        var covering = reference.Where(n => n.Gap.Kind != GapKind.Capability).Select(n => n.Scored.Score).ToList();
        var reads = new List<string>();
        foreach (var few in new[] { 3, 40 })
        {
            // Without a bar no statement is repeated, so the statements counted are the reads.
            var ranking = await ranker.RankAsync(need, today, 1, few, new PostgresCandidateRanker.Bars(double.NegativeInfinity, double.NegativeInfinity), CancellationToken.None);
            var last = reference.Count < few ? double.NegativeInfinity : reference[few - 1].Scored.Score;
            var expected = reference.Where(n => n.Scored.Score >= last).Select(n => n.Scored).OrderBy(s => s.Supplier.Id).ToList();
            var found = ranking.NearMisses.OrderBy(n => n.SupplierId).ToList();
            Assert.Equal(expected.Select(s => s.Supplier.Id), found.Select(n => n.SupplierId));
            Assert.All(expected.Zip(found), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-9));
            Assert.Equal(Math.Min(CandidateRanking.NearMissCountLimit, reference.Count), ranking.NearMissCount);

            var read = PostgresCandidateRanker.ReachOf(need) != PostgresCandidateRanker.Reach.EveryCode ? "whole reach"
                : covering.Count < few ? "lacking the code ranked apart"
                : covering[few - 1] > PostgresCandidateRanker.LackingTheCodeBound(need) + 0.1 ? "covering the code alone"
                : "with those lacking the code above the last";
            Assert.Equal((read != "whole reach", read is "whole reach" or "covering the code alone" ? 1 : 2), (ranking.NarrowedToTheCode, ranking.Scans));
            reads.Add(read);
        }

        return reads;
    }

    /// <summary>
    /// The bars the sample guesses decide only how many suppliers are scored exactly: from any first bar (one too
    /// high for every list, which walks the whole way down; one in the middle; none) the ranking is the same.
    /// </summary>
    private async Task AssertTheBarsOnlyDecideTheWorkAsync(Guid needId, DateOnly today)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var ranker = ActivatorUtilities.CreateInstance<PostgresCandidateRanker>(scope.ServiceProvider);
        var need = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        Task<CandidateRanking> RankAsync(PostgresCandidateRanker.Bars? bars) =>
            ranker.RankAsync(need, today, RunMatchCommandHandler.ContenderPool, RunMatchCommandHandler.MaxStoredNearMisses, bars, CancellationToken.None);
        static List<RankedSupplier> Sorted(IReadOnlyList<RankedSupplier> list) => [.. list.OrderBy(r => r.SupplierId)];

        var everyone = await RankAsync(new PostgresCandidateRanker.Bars(double.NegativeInfinity, double.NegativeInfinity));
        Assert.NotEmpty(everyone.Matches);

        // Without a bar nothing is scanned again; a need for one code may take one more read (those lacking it, or the whole reach).
        Assert.InRange(everyone.Scans, 1, PostgresCandidateRanker.ReachOf(need) == PostgresCandidateRanker.Reach.EveryCode ? 2 : 1);
        foreach (var bars in new PostgresCandidateRanker.Bars?[] { null, new(99, 99), new(62, 48), new(40, 95) })
        {
            var ranking = await RankAsync(bars);
            if (bars is { Matches: 99 } && everyone.Matches.Max(m => m.Score) < 98)
            {
                Assert.True(ranking.Scans > 1, "A bar above every score cannot prove the cut; the ranking must scan again lower.");
            }

            Assert.Equal((everyone.Qualifying, everyone.NearMissCount, everyone.SomeoneDeliversAll), (ranking.Qualifying, ranking.NearMissCount, ranking.SomeoneDeliversAll));
            Assert.Equal(Sorted(everyone.Matches), Sorted(ranking.Matches));
            Assert.Equal(Sorted(everyone.NearMisses), Sorted(ranking.NearMisses));
        }
    }

    private static void AssertSame(ScoredSupplier want, double score, ComponentsDto components, double distanceKm)
    {
        Assert.Equal(want.Score, score, 1e-9);
        Assert.Equal(want.Components.Capability, components.Capability, 1e-9);
        Assert.Equal(want.Components.Capacity, components.Capacity, 1e-9);
        Assert.Equal(want.Components.Proximity, components.Proximity, 1e-9);
        Assert.Equal(want.Components.TrackRecord, components.TrackRecord, 1e-9);
        Assert.Equal(want.Components.LocalContent, components.LocalContent, 1e-9);
        Assert.Equal(Math.Round(want.DistanceKm, 1), distanceKm, 1e-9);
    }

    /// <summary>Every supplier scored in C# with the domain's functions: qualifying and near misses, best first, ties by the need's hash.</summary>
    private async Task<(List<ScoredSupplier> Qualifying, List<(ScoredSupplier Scored, Gap Gap)> NearMisses)> ReferenceAsync(Guid needId, DateOnly today)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == needId);
        var all = await db.Suppliers.AsNoTracking().AsSplitQuery().ToListAsync();
        var qualifying = new List<ScoredSupplier>();
        var near = new List<(ScoredSupplier, Gap)>();
        foreach (var supplier in all)
        {
            var distance = supplier.Location.DistanceKmTo(need.DeliveryLocation);
            var gaps = HardConstraints.Evaluate(need, supplier, distance, today);
            var scored = MatchScorer.Score(need, supplier, today, TrackRecordFigures.None);
            if (gaps.Count == 0)
            {
                qualifying.Add(scored);
            }
            else if (gaps.Count == 1 && HardConstraints.WithinNearMissReach(need, supplier, distance))
            {
                near.Add((scored, gaps[0]));
            }
        }

        return (
            qualifying.OrderByDescending(s => s.Score).ThenBy(s => ExposureRanking.TieBreak(need.Id, s.Supplier.Id)).ToList(),
            near.OrderByDescending(n => n.Item1.Score).ThenBy(n => ExposureRanking.TieBreak(need.Id, n.Item1.Supplier.Id)).ToList());
    }

    private async Task<List<T>> AllAsync<T>(string url, int pages)
    {
        var items = new List<T>();
        for (var page = 1; page <= pages; page++)
        {
            items.AddRange((await (await Client.GetAsync($"{url}?pageSize=200&page={page}")).ReadAsync<PagedList<T>>()).Items);
        }

        return items;
    }

    private static NeedInput Need(
        Guid buyer, DateOnly neededBy, string[] codes, CertificationScheme[]? certificates = null, decimal? minTkdn = null, double? maxKm = null,
        bool umkOnly = false, decimal quantity = 5000) => TestData.Need(
            buyerId: buyer, capabilityCodes: codes, quantity: quantity, neededBy: neededBy, requiredCertifications: certificates,
            minTkdnPercent: minTkdn, maxDistanceKm: maxKm, umkOnly: umkOnly) with
        { Ranking = RankingMode.Strict };

    private static SupplierInput Supplier(Random random, int i, DateOnly today, DateOnly neededBy)
    {
        var town = Towns[random.Next(Towns.Length)];
        var codes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Codes[random.Next(Codes.Length)]).Distinct().ToArray();
        var certificates = new List<CertificationInput>();
        foreach (var scheme in new[] { CertificationScheme.Sni, CertificationScheme.Iso9001 })
        {
            if (random.NextDouble() < 0.5)
            {
                // Lapsed long ago, lapsing just before the date, valid exactly on it, or well after.
                var validUntil = random.Next(4) switch { 0 => today.AddDays(-200), 1 => neededBy.AddDays(-1), 2 => neededBy, _ => neededBy.AddDays(400) };
                certificates.Add(TestData.Certificate(scheme, validUntil));
            }
        }

        var input = TestData.Supplier(
            name: $"CV Setara {i}",
            annualRevenueIdr: new long[] { 900_000_000, 4_000_000_000, 30_000_000_000 }[random.Next(3)],
            location: new LocationInput { Latitude = Math.Round(town.Lat + ((random.NextDouble() - 0.5) * 3), 4), Longitude = Math.Round(town.Lon + ((random.NextDouble() - 0.5) * 3), 4) },
            certifications: [.. certificates],
            tkdnPercent: random.Next(8) switch { 0 => null, 1 => 25m, 2 => 40.5m, _ => Math.Round((decimal)(random.NextDouble() * 80), 1) },
            active: random.NextDouble() < 0.05 ? false : null);
        return input with
        {
            Capabilities = codes.Select(code => new SupplierCapabilityInput
            {
                Code = code,
                MonthlyCapacity = random.Next(5) == 0 ? null : Math.Round((decimal)(random.NextDouble() * 3000), 2),
                Unit = "pcs",
            }).ToList(),
        };
    }
}

using System.Net;
using System.Text.Json;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Matching;
using Matchmaking.Application.Matching.ListNearMisses;
using Matchmaking.Application.Matching.RunMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Application.Suppliers.ImportSuppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Matching;

/// <summary>
/// The near misses of a need for one code are counted up to <see cref="CandidateRanking.NearMissCountLimit"/>: those
/// covering the code and those lacking it (counted apart) together, and those lacking it not at all once those covering
/// it reach the limit alone.
/// </summary>
public sealed class NearMissCountTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task NearMisses_AreCountedUpToTheLimit_ThoseLackingTheCodeOnlyWhileTheyCanAddToIt()
    {
        var sni = TestData.Certificate(CertificationScheme.Sni, Today.AddYears(3), issuedOn: Today.AddYears(-1));
        var limit = CandidateRanking.NearMissCountLimit;
        var coveringWithoutSni = limit - 10;
        await ImportAsync(
            Enumerable.Range(0, coveringWithoutSni).Select(i => TestData.Supplier(name: $"CV Cor {i}", capabilities: ["metal.casting"], certifications: []))
                .Concat(Enumerable.Range(0, 30).Select(i => TestData.Supplier(name: $"CV Bubut {i}", capabilities: ["metal.machining.cnc"], certifications: [sni])))
                .Concat(Enumerable.Range(0, 5).Select(i => TestData.Supplier(name: $"CV Lengkap {i}", capabilities: ["metal.casting"], certifications: [sni]))));
        var buyer = (await (await Client.PostJsonAsync("/api/v1/buyers", TestData.Buyer())).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;
        var need = (await (await Client.PostJsonAsync("/api/v1/needs",
            TestData.Need(buyerId: buyer, capabilityCodes: ["metal.casting"], requiredCertifications: [CertificationScheme.Sni])))
            .ReadAsync<NeedDto>(HttpStatusCode.Created)).Id;

        var run = await (await Client.PostAsync($"/api/v1/needs/{need}/match-runs", null)).ReadAsync<MatchRunDto>(HttpStatusCode.Created);
        Assert.Equal(5, run.CandidatesConsidered);

        // 990 lack the certificate and 30 the code: the count stops at the limit, 10 of those lacking the code in.
        var nearMisses = await (await Client.GetAsync($"/api/v1/needs/{need}/near-misses?pageSize=5")).ReadAsync<PagedList<NearMissDto>>();
        Assert.Equal(limit, nearMisses.TotalCount);
        Assert.Equal(5, nearMisses.Items.Count);

        // With 40 more lacking only the certificate, those covering the code reach the limit alone.
        await ImportAsync(Enumerable.Range(0, 40).Select(i => TestData.Supplier(name: $"CV Cor Baru {i}", capabilities: ["metal.casting"], certifications: [])));
        nearMisses = await (await Client.GetAsync($"/api/v1/needs/{need}/near-misses?pageSize=5")).ReadAsync<PagedList<NearMissDto>>();
        Assert.Equal(limit, nearMisses.TotalCount);
        Assert.All(nearMisses.Items, n => Assert.StartsWith("CV Cor", n.Supplier.Name, StringComparison.Ordinal));
    }

    private async Task ImportAsync(IEnumerable<SupplierInput> suppliers)
    {
        var list = suppliers.ToList();
        var ndjson = string.Concat(list.Select(s => JsonSerializer.Serialize(s, HttpExtensions.Json) + "\n"));
        var imported = await (await Client.PostRawAsync("/api/v1/suppliers/import", ndjson, "application/x-ndjson")).ReadAsync<ImportResultDto>();
        Assert.Equal(list.Count, imported.Accepted);
    }
}

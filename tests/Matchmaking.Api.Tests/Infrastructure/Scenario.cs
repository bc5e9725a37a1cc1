using System.Net;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.MatchLifecycle.TransitionMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

using static Matchmaking.Api.Tests.Infrastructure.Places;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>Steps of the procurement story through the API, for tests that need data built the real way.</summary>
public sealed class Scenario(HttpClient admin, Func<string, Guid?, Task<(HttpClient Client, Guid KeyId, string Secret)>> clientForRole)
{

    public async Task<Guid> BuyerAsync(string name = "PT PLN (Persero)", BuyerType type = BuyerType.Bumn) =>
        (await (await admin.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: name, type: type))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;

    public async Task<Guid> FinancierAsync(string name = "Bank Jateng") =>
        Guid.Parse((await (await admin.PostJsonAsync("/api/v1/financiers", new { name, type = "bank" })).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());

    /// <summary>Registers a supplier: Klaten (Bandung for province 32), one iron-casting capability, no certificates unless given.</summary>
    public async Task<Guid> SupplierAsync(
        string name, string[]? capabilities = null, LocationInput? location = null, string provinceCode = "33", string? regencyCode = null,
        CertificationInput[]? certifications = null, long revenue = 3_500_000_000, decimal? tkdn = 45.5m, decimal monthlyCapacity = 4000,
        bool exportExperience = false, HttpClient? by = null)
    {
        var body = TestData.Supplier(name: name, capabilities: capabilities, provinceCode: provinceCode,
            regencyCode: regencyCode ?? (provinceCode == "33" ? "3310" : null), location: location ?? (provinceCode == "32" ? Bandung : Klaten),
            certifications: certifications ?? [], annualRevenueIdr: revenue, tkdnPercent: tkdn, monthlyCapacity: monthlyCapacity) with
        { ExportExperience = exportExperience };
        return (await (await (by ?? admin).PostJsonAsync("/api/v1/suppliers", body)).ReadAsync<SupplierDto>(HttpStatusCode.Created)).Id;
    }

    public Task<Guid> NeedAsync(Guid buyer, CertificationScheme[]? requiredCertifications = null) =>
        NeedAsync(TestData.Need(buyerId: buyer, requiredCertifications: requiredCertifications));

    public Task<Guid> NeedAsync(Guid buyer, NeedInput need) => NeedAsync(need with { BuyerId = buyer });

    /// <summary>Posts a need as given (a buyer's own client may leave the buyer out).</summary>
    public async Task<Guid> NeedAsync(NeedInput need, HttpClient? by = null) =>
        (await (await (by ?? admin).PostJsonAsync("/api/v1/needs", need)).ReadAsync<NeedDto>(HttpStatusCode.Created)).Id;

    public async Task<MatchRunDto> RunMatchAsync(Guid need, HttpClient? by = null) =>
        await (await (by ?? admin).PostAsync($"/api/v1/needs/{need}/match-runs", null)).ReadAsync<MatchRunDto>(HttpStatusCode.Created);

    public async Task<PagedList<MatchDto>> MatchesAsync(Guid need, string query = "pageSize=200", HttpClient? by = null) =>
        await (await (by ?? admin).GetAsync($"/api/v1/needs/{need}/matches?{query}")).ReadAsync<PagedList<MatchDto>>();

    /// <summary>Runs matching and reads the latest run's matches in rank order.</summary>
    public async Task<PagedList<MatchDto>> RunAndListAsync(Guid need, HttpClient? by = null)
    {
        await RunMatchAsync(need, by);
        return await MatchesAsync(need, by: by);
    }

    /// <summary>Runs matching; returns the match ids in rank order.</summary>
    public async Task<List<Guid>> RunAndListIdsAsync(Guid need, HttpClient? by = null) =>
        (await RunAndListAsync(need, by)).Items.Select(m => m.Id).ToList();

    /// <summary>Runs matching; returns each matched supplier's match id.</summary>
    public async Task<Dictionary<Guid, Guid>> RunAsync(Guid need)
    {
        await RunMatchAsync(need);
        return (await MatchesAsync(need, "pageSize=200&kind=single")).Items.ToDictionary(m => m.Supplier!.Id, m => m.Id);
    }

    public async Task MoveAsync(Guid match, string action) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/matches/{match}/{action}", null)).StatusCode);

    /// <summary>Shortlist, invite, and the supplier accepts: returns the partnership and the supplier's client.</summary>
    public async Task<(Guid Partnership, HttpClient Supplier)> PartnershipAsync(Guid match, Guid supplier)
    {
        await MoveAsync(match, "shortlist");
        await MoveAsync(match, "invite");
        var (client, _, _) = await clientForRole("supplier", supplier);
        var accepted = await (await client.PostAsync($"/api/v1/matches/{match}/accept", null)).ReadAsync<TransitionResultDto>();
        return (accepted.PartnershipId!.Value, client);
    }
}

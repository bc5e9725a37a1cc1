using System.Net;
using Matchmaking.Application.Buyers;
using Matchmaking.Application.Common.Models;
using Matchmaking.Application.Common.Validation;
using Matchmaking.Application.Matching;
using Matchmaking.Application.MatchLifecycle.TransitionMatch;
using Matchmaking.Application.Needs;
using Matchmaking.Application.Suppliers;
using Matchmaking.Domain.Common;

namespace Matchmaking.Api.Tests.Infrastructure;

/// <summary>Steps of the procurement story through the API, for tests that need data built the real way.</summary>
public sealed class Scenario(HttpClient admin, Func<string, Guid?, Task<(HttpClient Client, Guid KeyId, string Secret)>> clientForRole)
{
    public static readonly LocationInput Klaten = new() { Latitude = -7.70, Longitude = 110.61 };
    public static readonly LocationInput Bandung = new() { Latitude = -6.91, Longitude = 107.61 };

    public async Task<Guid> BuyerAsync(string name = "PT PLN (Persero)", BuyerType type = BuyerType.Bumn) =>
        (await (await admin.PostJsonAsync("/api/v1/buyers", TestData.Buyer(name: name, type: type))).ReadAsync<BuyerDto>(HttpStatusCode.Created)).Id;

    public async Task<Guid> SupplierAsync(
        string name, string provinceCode = "33", bool exportExperience = false, long revenue = 3_500_000_000, CertificationInput[]? certifications = null)
    {
        var body = TestData.Supplier(name: name, provinceCode: provinceCode, regencyCode: null, annualRevenueIdr: revenue,
            location: provinceCode == "32" ? Bandung : Klaten, certifications: certifications ?? []) with
        { ExportExperience = exportExperience };
        return (await (await admin.PostJsonAsync("/api/v1/suppliers", body)).ReadAsync<SupplierDto>(HttpStatusCode.Created)).Id;
    }

    public async Task<Guid> NeedAsync(Guid buyer, CertificationScheme[]? requiredCertifications = null) =>
        (await (await admin.PostJsonAsync("/api/v1/needs", TestData.Need(buyerId: buyer, requiredCertifications: requiredCertifications)))
            .ReadAsync<NeedDto>(HttpStatusCode.Created)).Id;

    /// <summary>Runs matching; returns each matched supplier's match id.</summary>
    public async Task<Dictionary<Guid, Guid>> RunAsync(Guid need)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/needs/{need}/match-runs", null)).StatusCode);
        var matches = await (await admin.GetAsync($"/api/v1/needs/{need}/matches?pageSize=200&kind=single")).ReadAsync<PagedList<MatchDto>>();
        return matches.Items.ToDictionary(m => m.Supplier!.Id, m => m.Id);
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

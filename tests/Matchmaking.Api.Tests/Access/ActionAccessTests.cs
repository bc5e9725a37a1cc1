using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Partnerships;
using Matchmaking.Domain.Partnerships;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Api.Tests.Access;

/// <summary>
/// Acts on a real match and partnership with every kind of key: the role is refused by the endpoint's policy
/// (403), another organisation's resource is not found (404), and only the party whose act it is succeeds.
/// </summary>
public sealed class ActionAccessTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Only_the_invited_supplier_answers_an_invitation()
    {
        var (match, invited, keys) = await InvitedMatchAsync();

        foreach (var (who, expected) in new[] { ("buyer", HttpStatusCode.Forbidden), ("analyst", HttpStatusCode.Forbidden), ("financier", HttpStatusCode.Forbidden),
                     ("admin", HttpStatusCode.Forbidden), ("other supplier", HttpStatusCode.NotFound), ("other buyer", HttpStatusCode.Forbidden) })
        {
            await (await keys[who].PostAsync($"/api/v1/matches/{match}/accept", null)).ShouldBeProblemAsync(expected);
            await (await keys[who].PostAsync($"/api/v1/matches/{match}/decline", null)).ShouldBeProblemAsync(expected);
        }

        var accepted = await (await invited.PostAsync($"/api/v1/matches/{match}/accept", null)).ReadAsync<Application.MatchLifecycle.TransitionMatch.TransitionResultDto>();
        Assert.NotNull(accepted.PartnershipId);
    }

    [Fact]
    public async Task Only_the_buyer_or_admin_moves_a_match_forward_and_completes_a_partnership_and_only_its_supplier_or_admin_reports_payment()
    {
        var (match, invited, keys) = await InvitedMatchAsync();
        foreach (var (who, expected) in new[] { ("supplier", HttpStatusCode.Forbidden), ("analyst", HttpStatusCode.Forbidden), ("other buyer", HttpStatusCode.NotFound) })
        {
            await (await keys[who].PostAsync($"/api/v1/matches/{match}/withdraw", null)).ShouldBeProblemAsync(expected);
        }

        var partnership = (await (await invited.PostAsync($"/api/v1/matches/{match}/accept", null))
            .ReadAsync<Application.MatchLifecycle.TransitionMatch.TransitionResultDto>()).PartnershipId!.Value;
        var completion = new { qualityRating = 5, onTimeRating = 4 };
        foreach (var (who, expected) in new[] { ("supplier", HttpStatusCode.Forbidden), ("analyst", HttpStatusCode.Forbidden), ("financier", HttpStatusCode.Forbidden), ("other buyer", HttpStatusCode.NotFound) })
        {
            await (await keys[who].PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", completion)).ShouldBeProblemAsync(expected);
        }

        Assert.Equal(PartnershipStatus.Completed, (await (await keys["buyer"].PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", completion)).ReadAsync<PartnershipDto>()).Status);

        var payment = new { invoicedOn = Today, paidOn = Today };
        foreach (var (who, expected) in new[] { ("buyer", HttpStatusCode.Forbidden), ("analyst", HttpStatusCode.Forbidden), ("financier", HttpStatusCode.Forbidden), ("other supplier", HttpStatusCode.NotFound) })
        {
            await (await keys[who].PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", payment)).ShouldBeProblemAsync(expected);
        }

        Assert.Equal(0, (await (await keys["supplier"].PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", payment)).ReadAsync<PartnershipDto>()).DaysToPay);
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_anonymous_by_name_and_the_rest_falls_back_to_needing_a_key()
    {
        var endpoints = Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText).Order().ToList();

        Assert.True(unnamed.Count == 0, "Endpoints without a policy: " + string.Join(", ", unnamed));
        Assert.Equal(["/health/live", "/health/ready", "/metrics"], anonymous);
    }

    [Fact]
    public async Task A_path_no_endpoint_serves_needs_a_key_first()
    {
        await (await ClientWithKey(null).GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(Guid Match, HttpClient Invited, Dictionary<string, HttpClient> Keys)> InvitedMatchAsync()
    {
        var buyer = await Scenario.BuyerAsync();
        var otherBuyer = await Scenario.BuyerAsync("PT KAI (Persero)");
        var supplier = await Scenario.SupplierAsync("CV Diundang");
        var other = await Scenario.SupplierAsync("CV Lain", capabilities: ["metal.machining.cnc"]);
        var match = (await Scenario.RunAsync(await Scenario.NeedAsync(buyer)))[supplier];
        await Scenario.MoveAsync(match, "shortlist");
        await Scenario.MoveAsync(match, "invite");
        var financier = await Scenario.FinancierAsync("Bank Nusantara");
        var keys = new Dictionary<string, HttpClient>
        {
            ["admin"] = Client,
            ["buyer"] = (await ClientForRoleAsync("buyer", buyer)).Client,
            ["other buyer"] = (await ClientForRoleAsync("buyer", otherBuyer)).Client,
            ["supplier"] = (await ClientForRoleAsync("supplier", supplier)).Client,
            ["other supplier"] = (await ClientForRoleAsync("supplier", other)).Client,
            ["analyst"] = (await ClientForRoleAsync("analyst")).Client,
            ["financier"] = (await ClientForRoleAsync("financier", financier)).Client,
        };
        return (match, keys["supplier"], keys);
    }
}

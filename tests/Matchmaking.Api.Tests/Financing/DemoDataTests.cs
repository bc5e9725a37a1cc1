using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Matchmaking.Api.Tests.Financing;

/// <summary>The README's first command serves this data: it must load, and tell the financing story end to end.</summary>
public sealed class DemoDataTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task DemoData_HoldsFinanciersAFinancedPlnPartnershipAndTwoCentralJavaPrograms()
    {
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
        }

        Assert.Equal(2, (await (await Client.GetAsync("/api/v1/financiers")).ReadJsonAsync())["totalCount"]!.GetValue<int>());
        var financing = Assert.Single((await (await Client.GetAsync("/api/v1/financing-requests")).ReadJsonAsync())["items"]!.AsArray())!;
        Assert.Equal("disbursed", financing["status"]!.GetValue<string>());
        Assert.Equal(2, financing["offers"]!.AsArray().Count);
        var partnership = await (await Client.GetAsync($"/api/v1/partnerships/{financing["partnershipId"]!.GetValue<string>()}")).ReadJsonAsync();
        Assert.Equal(DemoDataSeeder.PlnId.ToString(), partnership["buyerId"]!.GetValue<string>());
        var events = (await (await Client.GetAsync("/api/v1/events?limit=1000")).ReadJsonAsync())["items"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("financing.disbursed", events);
        Assert.Contains("match.accepted", events);
        var programs = (await (await Client.GetAsync("/api/v1/programs?provinceCode=33")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(2, programs.Count);
    }
}

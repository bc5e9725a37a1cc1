using System.Net;
using System.Net.Http.Headers;
using Matchmaking.Api.Tests.Infrastructure;

namespace Matchmaking.Api.Tests.Matching;

/// <summary>Polling a match page: 304 while nothing changed, the fresh page as soon as a status changes, on any instance.</summary>
public sealed class MatchPageCacheTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static HttpRequestMessage Get(string url, EntityTagHeaderValue? etag = null, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    [Fact]
    public async Task A_page_is_304_until_a_status_on_the_run_changes_even_when_another_instance_changes_it()
    {
        var buyer = await Scenario.BuyerAsync();
        for (var i = 0; i < 3; i++)
        {
            await Scenario.SupplierAsync($"CV Halaman {i}");
        }

        var need = await Scenario.NeedAsync(buyer);
        var matches = await Scenario.RunAsync(need);
        var url = $"/api/v1/needs/{need}/matches?pageSize=2";

        var first = await Client.SendAsync(Get(url));
        var firstBody = await first.Content.ReadAsStringAsync();
        var etag = first.Headers.ETag!;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, etag))).StatusCode);
        var again = await Client.SendAsync(Get(url));
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync()); // served from the page cache, byte for byte
        Assert.Equal(etag, again.Headers.ETag);

        // Other pages, filters and formats have their own tags.
        Assert.NotEqual(etag, (await Client.SendAsync(Get($"{url}&page=2"))).Headers.ETag);
        var csv = await Client.SendAsync(Get(url, accept: "text/csv"));
        Assert.NotEqual(etag, csv.Headers.ETag);
        Assert.StartsWith("rank,kind", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A second instance on the same database shortlists a match: the first instance's cache cannot serve the old page.
        await using var other = Fixture.Factory.WithWebHostBuilder(_ => { });
        using var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.PostAsync($"/api/v1/matches/{matches.Values.First()}/shortlist", null)).StatusCode);

        var changed = await Client.SendAsync(Get(url, etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("\"shortlisted\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, changed.Headers.ETag))).StatusCode);
    }

    [Fact]
    public async Task A_need_without_runs_answers_an_empty_page_and_an_unknown_need_404()
    {
        var need = await Scenario.NeedAsync(await Scenario.BuyerAsync());
        var empty = await (await Client.GetAsync($"/api/v1/needs/{need}/matches")).ReadJsonAsync();
        Assert.Equal(0, empty["totalCount"]!.GetValue<int>());
        await (await Client.GetAsync($"/api/v1/needs/{Guid.NewGuid()}/matches")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/v1/needs/{need}/matches?runId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

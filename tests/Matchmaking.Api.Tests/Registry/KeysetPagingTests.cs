using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;

namespace Matchmaking.Api.Tests.Registry;

public sealed class KeysetPagingTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_cold_page_asked_for_by_many_at_once_is_the_same_page_for_all()
    {
        foreach (var name in new[] { "CV Serentak A", "CV Serentak B", "CV Serentak C" })
        {
            await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: name))).ReadJsonAsync(HttpStatusCode.Created);
        }

        // 24 concurrent misses for one page share one build (single-flight); every answer is that page.
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Client.GetAsync("/api/v1/suppliers?provinceCode=33&pageSize=2")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Single(answers.Select(a => a.Headers.ETag!.Tag).Distinct());
        Assert.Equal(["CV Serentak A", "CV Serentak B"], Names(JsonNode.Parse(bodies[0])!.AsObject()));
    }

    [Fact]
    public async Task Cursors_walk_the_same_order_as_pages_with_the_same_exact_count()
    {
        foreach (var name in new[] { "CV Delta", "CV Alfa", "CV Gema", "CV Bima", "CV Fajar", "CV Cakra", "CV Eka" })
        {
            await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: name))).ReadJsonAsync(HttpStatusCode.Created);
        }

        var byPages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            byPages.AddRange(Names(await (await Client.GetAsync($"/api/v1/suppliers?pageSize=3&page={page}")).ReadJsonAsync()));
        }

        var first = await (await Client.GetAsync("/api/v1/suppliers?pageSize=3")).ReadJsonAsync();
        Assert.Equal(7, first["totalCount"]!.GetValue<int>());
        var byCursor = Names(first).ToList();
        var next = first["next"]!.GetValue<string>();
        JsonObject deep;
        do
        {
            deep = await (await Client.GetAsync($"/api/v1/suppliers?pageSize=3&after={Uri.EscapeDataString(next)}")).ReadJsonAsync();
            byCursor.AddRange(Names(deep));
            Assert.Equal(7, deep["totalCount"]!.GetValue<int>());
            next = deep["next"]?.GetValue<string>() ?? string.Empty;
        }
        while (next.Length > 0);

        Assert.Equal(["CV Alfa", "CV Bima", "CV Cakra", "CV Delta", "CV Eka", "CV Fajar", "CV Gema"], byPages);
        Assert.Equal(byPages, byCursor);
        Assert.Null(deep["next"]); // the last page says there is nothing after it
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_or_one_combined_with_page_is_400()
    {
        await (await Client.GetAsync("/api/v1/suppliers?after=not-a-cursor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "after");
        await (await Client.GetAsync("/api/v1/suppliers?after=WyJDViIsIngiXQ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "after");
        var cursor = Matchmaking.Application.Common.Models.KeysetCursor.Encode("CV A", Guid.NewGuid());
        await (await Client.GetAsync($"/api/v1/suppliers?page=2&after={cursor}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/suppliers?after={cursor}")).StatusCode);
    }

    [Fact]
    public async Task A_cached_list_page_is_304_until_the_registry_changes()
    {
        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "CV Pertama"))).ReadJsonAsync(HttpStatusCode.Created);
        var first = await Client.GetAsync("/api/v1/suppliers?provinceCode=33");
        var etag = first.Headers.ETag!;
        var poll = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers?provinceCode=33");
        poll.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(poll)).StatusCode);

        await (await Client.PostJsonAsync("/api/v1/suppliers", TestData.Supplier(name: "CV Kedua"))).ReadJsonAsync(HttpStatusCode.Created);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers?provinceCode=33");
        again.Headers.IfNoneMatch.Add(etag);
        var fresh = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var page = await fresh.ReadJsonAsync();
        Assert.Equal(2, page["totalCount"]!.GetValue<int>());
        Assert.Contains("CV Kedua", Names(page));
    }

    private static IEnumerable<string> Names(JsonObject page) => page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>());
}

using System.Net;
using System.Text.Json.Nodes;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Needs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Matchmaking.Api.Tests.Events;

/// <summary>
/// The outbox, the feed and webhooks over HTTP, with real receivers on 127.0.0.1. The shared host does not
/// dispatch; each test starts the dispatching instances it needs on the same database.
/// </summary>
public sealed class EventsAndWebhooksTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] LifecycleTypes =
    [
        "need.created", "match_run.completed", "match.shortlisted", "match.invited", "match.accepted", "partnership.created",
        "partnership.completed", "partnership.payment_recorded",
    ];

    private static readonly string[] NeedCreated = ["need.created"];
    private static readonly string[] UnknownType = ["need.exploded"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Lifecycle_FromNeedToPaidPartnership_IsDeliveredInOrderSignedAndMatchesTheFeed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var buyer = await Scenario.BuyerAsync();
        var buyerClient = (await ClientForRoleAsync("buyer", buyer)).Client;
        var supplier = await Scenario.SupplierAsync("CV Logam Jaya");
        var supplierClient = (await ClientForRoleAsync("supplier", supplier)).Client;
        var buyerHook = await SubscribeAsync(buyerClient, receiver.Url, [.. LifecycleTypes, "match.declined", "match.withdrawn", "need.status_changed"]);
        await using var supplierReceiver = await WebhookReceiver.StartAsync();
        var supplierHook = await SubscribeAsync(supplierClient, supplierReceiver.Url, [.. LifecycleTypes]);
        await using var dispatcher = Dispatching();

        var need = await Scenario.NeedAsync(buyer);
        var match = (await Scenario.RunAsync(need))[supplier];
        await Scenario.MoveAsync(match, "shortlist");
        await Scenario.MoveAsync(match, "invite");
        var accepted = await (await supplierClient.PostAsync($"/api/v1/matches/{match}/accept", null)).ReadJsonAsync();
        var partnership = accepted["partnershipId"]!.GetValue<string>();
        await (await buyerClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/complete", new { qualityRating = 5, onTimeRating = 4 })).ReadJsonAsync();
        await PartnershipStartedDaysAgoAsync(Guid.Parse(partnership), 30);
        var today = ApiFixture.Clock.Today;
        await (await supplierClient.PostJsonAsync($"/api/v1/partnerships/{partnership}/payment", new { invoicedOn = today.AddDays(-20), paidOn = today.AddDays(-2) }))
            .ReadJsonAsync();

        await receiver.WaitUntilAsync(r => r.Accepted.Count() == LifecycleTypes.Length, "the buyer's eight lifecycle events");
        var delivered = receiver.Accepted.ToList();
        Assert.All(delivered, d => Assert.True(d.IsSignedWith(buyerHook.Secret), $"{d.Type} carries a valid Standard Webhooks signature"));
        Assert.All(delivered, d => Assert.Equal(d.Id, d.Json["id"]!.GetValue<string>()));
        Assert.All(delivered, d => Assert.InRange(long.Parse(d.Timestamp, System.Globalization.CultureInfo.InvariantCulture),
            ApiFixture.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds(), ApiFixture.Clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds()));
        Assert.False(delivered[0].IsSignedWith(supplierHook.Secret));

        // The feed lists the events in the order they happened; webhooks deliver the same objects, each once,
        // and those of one resource (the match, the partnership) in that order.
        var feed = (await (await buyerClient.GetAsync("/api/v1/events?limit=1000")).ReadJsonAsync())["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(LifecycleTypes, feed.Select(e => e["type"]!.GetValue<string>()));
        Assert.Equal(feed.Select(e => e.ToJsonString()).Order(), delivered.Select(d => d.Json.ToJsonString()).Order());
        AssertOrderPerResource(feed, delivered);
        var paid = feed[^1]["data"]!;
        Assert.Equal(partnership, paid["partnershipId"]!.GetValue<string>());
        Assert.Equal(18, paid["daysToPay"]!.GetValue<int>());
        Assert.Equal(need.ToString(), feed[0]["data"]!["needId"]!.GetValue<string>());
        Assert.Equal("accepted", feed[4]["data"]!["status"]!.GetValue<string>());
        Assert.Equal("invited", feed[4]["data"]!["previousStatus"]!.GetValue<string>());

        // The supplier hears of its invitation and what follows, never of the buyer's need, run or shortlist.
        string[] supplierTypes = ["match.invited", "match.accepted", "partnership.created", "partnership.completed", "partnership.payment_recorded"];
        var supplierFeed = (await (await supplierClient.GetAsync("/api/v1/events")).ReadJsonAsync())["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(supplierTypes, supplierFeed.Select(i => i["type"]!.GetValue<string>()));
        await supplierReceiver.WaitUntilAsync(r => r.Accepted.Count() == supplierTypes.Length, "the supplier's five events");
        Assert.Equal(supplierTypes.Order(), supplierReceiver.Accepted.Select(d => d.Type).Order());
        AssertOrderPerResource(supplierFeed, supplierReceiver.Accepted.ToList());

        var deliveries = await (await buyerClient.GetAsync($"/api/v1/webhooks/{buyerHook.Id}/deliveries")).ReadJsonAsync();
        Assert.Equal(LifecycleTypes.Length, deliveries["totalCount"]!.GetValue<int>());
        Assert.All(deliveries["items"]!.AsArray(), d =>
        {
            Assert.Equal("succeeded", d!["status"]!.GetValue<string>());
            Assert.Equal(200, d["attemptLog"]!.AsArray().Single()!["statusCode"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task ReceiverThatFailsThreeTimes_GetsEveryEventOnceItRecovers_InOrderPerResource()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 3 ? 500 : 200;
        var buyer = await Scenario.BuyerAsync();
        var buyerClient = (await ClientForRoleAsync("buyer", buyer)).Client;
        var hook = await SubscribeAsync(buyerClient, receiver.Url, ["need.created", "need.status_changed"]);
        var needs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var need = await Scenario.NeedAsync(buyer);
            needs.Add(need);
            var cancelled = TestData.Need(buyerId: buyer) with { Status = Domain.Needs.NeedStatus.Cancelled };
            Assert.Equal(HttpStatusCode.OK, (await buyerClient.PutJsonAsync($"/api/v1/needs/{need}", cancelled)).StatusCode);
        }

        await using var dispatcher = Dispatching();
        await receiver.WaitUntilAsync(r => r.Accepted.Select(a => a.Id).Distinct().Count() == 6, "all six events accepted");

        Assert.Equal(3, receiver.Requests.Count(r => r.Status == 500));
        Assert.Equal(6, receiver.Accepted.Count());
        foreach (var need in needs)
        {
            // need.created before need.status_changed of the same need, even when the first try of the former failed.
            var ofNeed = receiver.Requests.Where(r => r.Json["data"]!["needId"]!.GetValue<string>() == need.ToString()).ToList();
            var firstStatusChange = ofNeed.FindIndex(r => r.Type == "need.status_changed");
            Assert.Contains(ofNeed.Take(firstStatusChange), r => r.Type == "need.created" && r.Status == 200);
        }

        var deliveries = await (await buyerClient.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?pageSize=200")).ReadJsonAsync();
        var attempts = deliveries["items"]!.AsArray().SelectMany(d => d!["attemptLog"]!.AsArray()).ToList();
        Assert.Equal(9, attempts.Count);
        Assert.Equal(3, attempts.Count(a => a!["statusCode"]!.GetValue<int>() == 500));
        Assert.All(deliveries["items"]!.AsArray(), d => Assert.Equal("succeeded", d!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RestartedMidBacklog_TheNextInstanceDeliversTheRest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var buyer = await Scenario.BuyerAsync();
        await SubscribeAsync(Client, receiver.Url, ["need.created"]);
        for (var i = 0; i < 12; i++)
        {
            await Scenario.NeedAsync(buyer);
        }

        receiver.Answer = _ => { Thread.Sleep(150); return 200; };
        var first = Dispatching();
        await receiver.WaitUntilAsync(r => r.Accepted.Any(), "the first delivery");
        await first.DisposeAsync();
        var deliveredByFirst = receiver.Accepted.Select(a => a.Id).Distinct().Count();
        Assert.True(deliveredByFirst < 12, $"the first instance stopped mid-backlog (it delivered {deliveredByFirst})");

        await using var second = Dispatching();
        await receiver.WaitUntilAsync(r => r.Accepted.Select(a => a.Id).Distinct().Count() == 12, "all twelve after the restart");
    }

    [Fact]
    public async Task TwoDispatchers_DeliverEachEventExactlyOncePerSubscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var other = await WebhookReceiver.StartAsync();
        var buyer = await Scenario.BuyerAsync();
        await SubscribeAsync(Client, receiver.Url, ["need.created"]);
        await SubscribeAsync(Client, other.Url, ["need.created"]);
        await using var one = Dispatching();
        await using var two = Dispatching();
        var creating = Enumerable.Range(0, 30).Select(_ => Scenario.NeedAsync(buyer)).ToList();
        await Task.WhenAll(creating);

        await receiver.WaitUntilAsync(r => r.Accepted.Select(a => a.Id).Distinct().Count() == 30, "thirty events");
        await other.WaitUntilAsync(r => r.Accepted.Select(a => a.Id).Distinct().Count() == 30, "thirty events at the second receiver");
        await Task.Delay(1000);

        Assert.Equal(30, receiver.Requests.Count);
        Assert.Equal(30, other.Requests.Count);
    }

    [Fact]
    public async Task BuyerSubscriptionAndFeed_NeverSeeAnotherBuyersEvents()
    {
        await using var receiverA = await WebhookReceiver.StartAsync();
        var buyerA = await Scenario.BuyerAsync("PT A");
        var buyerB = await Scenario.BuyerAsync("PT B");
        var clientA = (await ClientForRoleAsync("buyer", buyerA)).Client;
        var clientB = (await ClientForRoleAsync("buyer", buyerB)).Client;
        await SubscribeAsync(clientA, receiverA.Url, ["need.created", "match_run.completed"]);
        var supplier = await Scenario.SupplierAsync("CV Logam Jaya");
        var needA = await Scenario.NeedAsync(buyerA);
        var needB = await Scenario.NeedAsync(buyerB);
        await Scenario.RunAsync(needB);
        await Scenario.RunAsync(needA);
        await using var dispatcher = Dispatching();

        await receiverA.WaitUntilAsync(r => r.Accepted.Count() == 2, "buyer A's two events");
        await Task.Delay(500);
        Assert.All(receiverA.Requests, r => Assert.Equal(needA.ToString(), r.Json["data"]!["needId"]!.GetValue<string>()));
        Assert.Equal(2, receiverA.Requests.Count);

        var feedB = await (await clientB.GetAsync("/api/v1/events")).ReadJsonAsync();
        Assert.Equal(["need.created", "match_run.completed"], feedB["items"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()));
        Assert.All(feedB["items"]!.AsArray(), i => Assert.Equal(needB.ToString(), i!["data"]!["needId"]!.GetValue<string>()));
        var supplierFeed = await (await (await ClientForRoleAsync("supplier", supplier)).Client.GetAsync("/api/v1/events")).ReadJsonAsync();
        Assert.Empty(supplierFeed["items"]!.AsArray());
        var adminFeed = await (await Client.GetAsync("/api/v1/events?types=need.created")).ReadJsonAsync();
        Assert.Equal(2, adminFeed["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Feed_ResumesFromItsCursorWithoutGapsOrRepeats_EvenPastATransactionStillRunning()
    {
        var buyer = await Scenario.BuyerAsync();
        for (var i = 0; i < 5; i++)
        {
            await Scenario.NeedAsync(buyer);
        }

        var all = await ReadFeedAsync(Client, null, 1000);
        Assert.Equal(5, all.Items.Count);
        var paged = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var next = await ReadFeedAsync(Client, cursor, 2);
            paged.AddRange(next.Items);
            if (next.Items.Count == 0)
            {
                Assert.Equal(cursor, next.Next);
                break;
            }

            cursor = next.Next;
        }

        Assert.Equal(all.Items, paged);

        // A transaction that began before the next change and commits after it: the feed holds the later
        // event back until the earlier transaction ends, then lists both in order, so the cursor skips neither.
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO events (id, type, occurred_at, resource_id, buyer_id, supplier_ids, data) VALUES (@id, 'need.created', now(), @id, NULL, '{}', '{}')",
            connection, slow))
        {
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            await insert.ExecuteNonQueryAsync();
        }

        var later = await Scenario.NeedAsync(buyer);
        var whileRunning = await ReadFeedAsync(Client, cursor, 100);
        Assert.Empty(whileRunning.Items);
        Assert.Equal(cursor, whileRunning.Next);
        await slow.CommitAsync();

        var after = await ReadFeedAsync(Client, cursor, 100);
        Assert.Equal(2, after.Items.Count);
        Assert.Equal(later.ToString(), JsonNode.Parse(after.Items[1])!["data"]!["needId"]!.GetValue<string>());
        Assert.Empty((await ReadFeedAsync(Client, after.Next, 100)).Items);

        // The same events, one a line, for NDJSON readers.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events?after={cursor}");
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var ndjson = await Client.SendAsync(request);
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType!.MediaType);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(after.Items, lines.Select(l => JsonNode.Parse(l)!.ToJsonString()));
        Assert.Equal(after.Next, ndjson.Headers.GetValues("X-Next-Cursor").Single());
    }

    [Fact]
    public async Task DeliveriesThatKeepFailing_AreGivenUp_DisableTheSubscription_AndCanBeResent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 503;
        var buyer = await Scenario.BuyerAsync();
        var buyerClient = (await ClientForRoleAsync("buyer", buyer)).Client;
        var hook = await SubscribeAsync(buyerClient, receiver.Url, ["need.created"]);
        await Scenario.NeedAsync(buyer);

        await using (var dispatcher = Dispatching(("Webhooks:RetrySchedule", "0.1,0.1"), ("Webhooks:DisableAfterFailures", "1")))
        {
            await receiver.WaitUntilAsync(r => r.Requests.Count == 3, "three attempts");
            var state = await WaitForAsync(buyerClient, $"/api/v1/webhooks/{hook.Id}", w => w["active"]!.GetValue<bool>() == false);
            Assert.Contains("in a row", state["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(3, receiver.Requests.Count);
        var delivery = (await (await buyerClient.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?status=failed")).ReadJsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal(3, delivery["attemptLog"]!.AsArray().Count);
        Assert.Equal("webhook.disabled", (await (await buyerClient.GetAsync("/api/v1/events?types=webhook.disabled")).ReadJsonAsync())["items"]!.AsArray()
            .Single()!["type"]!.GetValue<string>());

        var deliveryId = delivery["id"]!.GetValue<string>();
        await (await buyerClient.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{deliveryId}/redeliver", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await buyerClient.PostAsync($"/api/v1/webhooks/{hook.Id}/enable", null)).ReadJsonAsync();
        receiver.Answer = _ => 204;
        Assert.Equal(HttpStatusCode.Accepted, (await buyerClient.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{deliveryId}/redeliver", null)).StatusCode);
        await using var again = Dispatching();
        await receiver.WaitUntilAsync(r => r.Accepted.Count() == 1, "the re-sent delivery");
        Assert.Equal(receiver.Requests.First().Id, receiver.Accepted.Single().Id);
    }

    [Fact]
    public async Task RotatedSecret_SignsBesideTheOldOneDuringTheOverlap_AndIsShownOnlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var buyer = await Scenario.BuyerAsync();
        var hook = await SubscribeAsync(Client, receiver.Url, ["need.created"]);
        Assert.StartsWith("whsec_", hook.Secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(hook.Secret["whsec_".Length..]).Length >= 24);
        var listed = await Client.GetStringAsync("/api/v1/webhooks");
        Assert.DoesNotContain(hook.Secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(hook.Secret, await Client.GetStringAsync($"/api/v1/webhooks/{hook.Id}"), StringComparison.Ordinal);

        var rotated = await (await Client.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null)).ReadJsonAsync();
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(hook.Secret, newSecret);
        Assert.NotNull(rotated["previousSecretExpiresAt"]);
        await Scenario.NeedAsync(buyer);
        await using var dispatcher = Dispatching();

        await receiver.WaitUntilAsync(r => r.Accepted.Count() == 1, "one delivery");
        var received = receiver.Accepted.Single();
        Assert.True(received.IsSignedWith(newSecret));
        Assert.True(received.IsSignedWith(hook.Secret));
        Assert.Equal(2, received.Signature.Split(' ').Length);
    }

    [Fact]
    public async Task ReceiversOnPrivateAddresses_AreRefused_WhenCreatedAndWhenConnecting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var strict = Fixture.Factory.WithWebHostBuilder(b => b
            .UseSetting("Webhooks:AllowHttp", "false").UseSetting("Webhooks:AllowPrivateNetworks", "false"));
        var strictClient = strict.CreateClient();
        strictClient.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        foreach (var url in new[] { "http://example.com/hooks", "https://127.0.0.1/hooks", "https://10.1.2.3/x", "https://169.254.169.254/latest", "https://[::1]/x", "https://localhost/x", "ftp://example.com/x", "https://user:pw@example.com/x", "not a url" })
        {
            await (await strictClient.PostJsonAsync("/api/v1/webhooks", new { url, events = NeedCreated })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "url");
        }

        Assert.Equal(HttpStatusCode.Created, (await strictClient.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.com/hooks", events = NeedCreated })).StatusCode);

        // A name that resolves to loopback passes the URL check of a permissive host, but a dispatcher that
        // forbids private networks checks the address it connects to.
        var hook = await SubscribeAsync(Client, receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), ["need.created"]);
        await Scenario.NeedAsync(await Scenario.BuyerAsync());
        await using var dispatcher = Dispatching(("Webhooks:AllowPrivateNetworks", "false"), ("Webhooks:RetrySchedule", "60"));
        var failed = await WaitForAsync(Client, $"/api/v1/webhooks/{hook.Id}/deliveries", d => d["items"]!.AsArray().Any(i => i!["attemptLog"]!.AsArray().Count > 0));
        Assert.Contains("may not go to", failed["items"]![0]!["attemptLog"]![0]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("/api/v1/events?after=not-a-cursor", "after")]
    [InlineData("/api/v1/events?types=need.created,need.exploded", "types[1]")]
    [InlineData("/api/v1/events?limit=0", "limit")]
    [InlineData("/api/v1/events?limit=1001", "limit")]
    [InlineData("/api/v1/webhooks/00000000-0000-0000-0000-000000000001/deliveries?status=lost", "status")]
    public async Task BadFeedAndDeliveryQueries_Are400NamingTheField(string url, string field)
    {
        var response = await Client.GetAsync(url);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Subscriptions_AreRefusedForUnknownTypes_AndHiddenFromOtherOrganisations()
    {
        await (await Client.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = UnknownType }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "events[0]");
        await (await Client.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = Array.Empty<string>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "events");
        var buyerA = (await ClientForRoleAsync("buyer", await Scenario.BuyerAsync("PT A"))).Client;
        var buyerB = (await ClientForRoleAsync("buyer", await Scenario.BuyerAsync("PT B"))).Client;
        var hook = await SubscribeAsync(buyerA, "http://127.0.0.1:9/x", ["need.created"]);

        await (await buyerB.GetAsync($"/api/v1/webhooks/{hook.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await buyerB.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await buyerB.PostAsync($"/api/v1/webhooks/{hook.Id}/rotate-secret", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await buyerB.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await buyerB.GetAsync("/api/v1/webhooks")).ReadJsonAsync())["totalCount"]!.GetValue<int>());
        Assert.Equal(1, (await (await Client.GetAsync("/api/v1/webhooks")).ReadJsonAsync())["totalCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await buyerA.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
        await (await buyerA.GetAsync($"/api/v1/webhooks/{hook.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_WritesOneEventWithItsCounts()
    {
        var rows = string.Join('\n', Enumerable.Range(1, 3).Select(i => System.Text.Json.JsonSerializer.Serialize(
            TestData.Supplier(name: $"CV Impor {i}"), HttpExtensions.Json)).Append("{\"name\":\"broken\"}"));
        var imported = await (await Client.PostRawAsync("/api/v1/suppliers/import", rows, "application/x-ndjson")).ReadJsonAsync();
        Assert.Equal(3, imported["accepted"]!.GetValue<int>());

        var events = (await (await Client.GetAsync("/api/v1/events?types=supplier.imported")).ReadJsonAsync())["items"]!.AsArray();
        var data = events.Single()!["data"]!;
        Assert.Equal(4, data["rowsRead"]!.GetValue<int>());
        Assert.Equal(3, data["accepted"]!.GetValue<int>());
        Assert.Equal(1, data["rejected"]!.GetValue<int>());
    }

    /// <summary>Events of one resource arrive in the order the feed lists them.</summary>
    private static void AssertOrderPerResource(List<JsonObject> feed, List<WebhookReceiver.Received> delivered)
    {
        static string Resource(JsonNode data) =>
            (data["partnershipId"] ?? data["matchId"] ?? data["runId"] ?? data["needId"] ?? data["webhookId"] ?? data["importId"])!.GetValue<string>();
        foreach (var group in feed.GroupBy(e => Resource(e["data"]!)))
        {
            var expected = group.Select(e => e["id"]!.GetValue<string>()).ToList();
            Assert.Equal(expected, delivered.Where(d => expected.Contains(d.Id)).Select(d => d.Id));
        }
    }

    private WebApplicationFactory<Program> Dispatching(params (string Key, string Value)[] settings)
    {
        var host = Fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Webhooks:Dispatch", "true");
            builder.UseSetting("Webhooks:PollMilliseconds", "50");
            builder.UseSetting("Webhooks:RetrySchedule", "0.2,0.2,0.2,0.2,0.2,0.2");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        _ = host.Services; // starts the host, and with it the dispatcher
        return host;
    }

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, string url, string[] events)
    {
        var created = await (await client.PostJsonAsync("/api/v1/webhooks", new { url, events, description = "test receiver" })).ReadJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(created["id"]!.GetValue<string>()), created["secret"]!.GetValue<string>());
    }

    private static async Task<(List<string> Items, string Next)> ReadFeedAsync(HttpClient client, string? after, int limit)
    {
        var page = await (await client.GetAsync($"/api/v1/events?limit={limit}" + (after is null ? string.Empty : $"&after={after}"))).ReadJsonAsync();
        return (page["items"]!.AsArray().Select(i => i!.ToJsonString()).ToList(), page["next"]!.GetValue<string>());
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, string url, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = await (await client.GetAsync(url)).ReadJsonAsync();
            if (condition(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting on {url}: {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}

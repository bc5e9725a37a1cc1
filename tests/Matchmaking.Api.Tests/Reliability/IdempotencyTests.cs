using System.Net;
using System.Net.Http.Json;
using System.Text;
using Matchmaking.Api.Tests.Infrastructure;
using Matchmaking.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Matchmaking.Api.Tests.Reliability;

public sealed class IdempotencyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    private async Task<int> CountAsync(string url) =>
        (await (await Client.GetAsync(url)).ReadJsonAsync())["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task The_same_POST_sent_three_times_with_one_key_creates_one_resource_and_answers_the_same_each_time()
    {
        var body = TestData.Buyer(name: "PT Sekali Saja");
        var answers = new List<(HttpStatusCode Status, string Body, Uri? Location, string? ETag, bool Replayed)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await Client.SendAsync(Post("/api/v1/buyers", body, "create-buyer-1"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location,
                response.Headers.ETag?.ToString(), response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers.Select(a => a.Location).Distinct());
        Assert.Single(answers.Select(a => a.ETag).Distinct());
        Assert.Equal([false, true, true], answers.Select(a => a.Replayed));
        Assert.Equal(1, await CountAsync("/api/v1/buyers"));

        // Without a key, each POST acts: the key is what makes a retry safe.
        await (await Client.PostJsonAsync("/api/v1/buyers", body)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, await CountAsync("/api/v1/buyers"));
    }

    [Fact]
    public async Task Concurrent_duplicates_create_one_resource_and_each_gets_the_first_answer_or_409()
    {
        var body = TestData.Facility();
        using var start = new Barrier(3);
        var sends = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            var response = await Client.SendAsync(Post("/api/v1/facilities", body, "facility-race"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = results.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Body).Distinct().ToList();
        Assert.Single(created);
        Assert.All(results.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("Idempotency-Key", r.Body, StringComparison.Ordinal));

        // Once the first has finished, every retry gets its answer.
        var retry = await Client.SendAsync(Post("/api/v1/facilities", body, "facility-race"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(created[0], await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("/api/v1/facilities"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_or_path_is_422_naming_the_header()
    {
        (await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: "PT Pertama"), "reused"))).EnsureSuccessStatusCode();

        await (await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: "PT Kedua"), "reused")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        await (await Client.SendAsync(Post("/api/v1/facilities", TestData.Facility(), "reused")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(1, await CountAsync("/api/v1/buyers"));
        Assert.Equal(0, await CountAsync("/api/v1/facilities"));
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_still_running_is_409_and_the_first_answer_is_replayed_after()
    {
        var body = TestData.Buyer(name: "PT Masih Berjalan");
        await using var blocker = new NpgsqlConnection(Fixture.ConnectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE buyers IN EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync(); // the first request will wait at its INSERT, holding its key
        }

        var running = Client.SendAsync(Post("/api/v1/buyers", body, "in-flight"));
        await WaitUntilAsync(async () => await ScalarAsync("SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND granted") == 1);

        await (await Client.SendAsync(Post("/api/v1/buyers", body, "in-flight"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key");

        await hold.RollbackAsync();
        var first = await running;
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replayed = await Client.SendAsync(Post("/api/v1/buyers", body, "in-flight"));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("/api/v1/buyers"));
    }

    [Fact]
    public async Task A_retried_import_is_replayed_not_run_again()
    {
        const string csv = "name,nib,legalForm,businessCapitalIdr,annualRevenueIdr,provinceCode,regencyCode,latitude,longitude,kbliCodes,capabilities,certifications,tkdnPercent,employees,exportExperience,cooperative,description,contactName,contactEmail,contactPhone\r\n" +
            "CV Impor Sekali,9120000099991,cv,800000000,3500000000,33,3310,-7.7,110.61,24310,metal.casting.iron:100:pcs,,40,10,false,,,,,\r\n";
        async Task<HttpResponseMessage> ImportAsync(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/suppliers/import") { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "import-once");
            return await Client.SendAsync(request);
        }

        var first = await (await ImportAsync(csv)).Content.ReadAsStringAsync();
        var retry = await ImportAsync(csv);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first, await retry.Content.ReadAsStringAsync());
        Assert.Contains("\"accepted\":1", first, StringComparison.Ordinal);
        await (await ImportAsync(csv.Replace("Sekali", "Dua Kali", StringComparison.Ordinal)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_expired_key_acts_again_and_the_cleanup_deletes_expired_keys()
    {
        var body = TestData.Buyer(name: "PT Kadaluwarsa");
        (await Client.SendAsync(Post("/api/v1/buyers", body, "expiring"))).EnsureSuccessStatusCode();
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var expire = new NpgsqlCommand("UPDATE idempotency_keys SET expires_at = @past", connection);
            expire.Parameters.AddWithValue("past", ApiFixture.Clock.GetUtcNow().AddMinutes(-1));
            Assert.Equal(1, await expire.ExecuteNonQueryAsync());
        }

        var again = await Client.SendAsync(Post("/api/v1/buyers", body, "expiring"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await CountAsync("/api/v1/buyers"));

        (await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: "PT Baru"), "fresh"))).EnsureSuccessStatusCode();
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var expire = new NpgsqlCommand("UPDATE idempotency_keys SET expires_at = @past WHERE key = 'expiring'", connection);
            expire.Parameters.AddWithValue("past", ApiFixture.Clock.GetUtcNow().AddMinutes(-1));
            Assert.Equal(1, await expire.ExecuteNonQueryAsync());
        }

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().DeleteExpiredAsync(CancellationToken.None));
        var replay = await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: "PT Baru"), "fresh"));
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"), "the key that has not expired is kept");
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_calling_API_key_and_failed_requests_are_not_remembered()
    {
        var (other, _, _) = await ClientForRoleAsync("admin");
        var body = TestData.Buyer(name: "PT Dua Klien");
        (await Client.SendAsync(Post("/api/v1/buyers", body, "shared-name"))).EnsureSuccessStatusCode();
        var fromOther = await other.SendAsync(Post("/api/v1/buyers", body, "shared-name"));
        Assert.Equal(HttpStatusCode.Created, fromOther.StatusCode);
        Assert.False(fromOther.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await CountAsync("/api/v1/buyers"));

        await (await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: ""), "first-try-invalid")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        var corrected = await Client.SendAsync(Post("/api/v1/buyers", TestData.Buyer(name: "PT Diperbaiki"), "first-try-invalid"));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Theory]
    [InlineData("with\ttab")]
    [InlineData("ünïcode")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var request = Post("/api/v1/buyers", TestData.Buyer(), null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        await (await Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");

        var tooLong = Post("/api/v1/buyers", TestData.Buyer(), new string('k', 256));
        await (await Client.SendAsync(tooLong)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(0, await CountAsync("/api/v1/buyers"));
    }

    [Fact]
    public async Task Match_runs_and_lifecycle_actions_are_not_repeated_by_a_retry()
    {
        var buyer = await Scenario.BuyerAsync();
        await Scenario.SupplierAsync("CV Logam Satu");
        var need = await Scenario.NeedAsync(buyer);

        var first = await Client.SendAsync(Post($"/api/v1/needs/{need}/match-runs", new { }, "run-once"));
        var second = await Client.SendAsync(Post($"/api/v1/needs/{need}/match-runs", new { }, "run-once"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await RunCountAsync(need));
    }

    private Task<int> RunCountAsync(Guid need) => ScalarAsync($"SELECT count(*)::int FROM match_runs WHERE need_id = '{need}'");

    [Fact]
    public async Task Two_API_instances_on_one_database_replay_each_other_s_answers()
    {
        await using var secondInstance = Fixture.Factory.WithWebHostBuilder(_ => { });
        using var second = secondInstance.CreateClient();
        second.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        var body = TestData.Buyer(name: "PT Dua Mesin");

        var results = await Task.WhenAll(
            Task.Run(() => Client.SendAsync(Post("/api/v1/buyers", body, "two-instances"))),
            Task.Run(() => second.SendAsync(Post("/api/v1/buyers", body, "two-instances"))));
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));

        var fromSecond = await second.SendAsync(Post("/api/v1/buyers", body, "two-instances"));
        var fromFirst = await Client.SendAsync(Post("/api/v1/buyers", body, "two-instances"));
        Assert.Equal(await fromFirst.Content.ReadAsStringAsync(), await fromSecond.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("/api/v1/buyers"));
    }
}

using System.Diagnostics;
using System.Net;
using Matchmaking.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matchmaking.Api.Tests.Scale;

/// <summary>Two API instances on one database: a key's limit is the key's, not the instance's.</summary>
public sealed class SharedRateLimitTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const int Burst = 40;

    [Fact]
    public async Task A_keys_limit_holds_across_two_instances()
    {
        await using var first = Instance("PostgreSQL");
        await using var second = Instance("PostgreSQL");

        var (allowed, seconds) = await AlternateAsync(first, second, requests: 120);

        // One instance's limit: the burst plus one token a second for the time the loop took, within 10%.
        var limit = Burst + seconds;
        Assert.InRange(allowed, (int)(0.9 * limit), (int)Math.Ceiling(1.1 * limit));
    }

    [Fact]
    public async Task Per_instance_buckets_would_give_each_instance_the_whole_limit()
    {
        await using var first = Instance("Memory");
        await using var second = Instance("Memory");

        var (allowed, _) = await AlternateAsync(first, second, requests: 120);

        Assert.True(allowed >= 2 * Burst, $"{allowed} allowed: the in-process store is per instance, which is why PostgreSQL is the default");
    }

    private WebApplicationFactory<Program> Instance(string store) => Fixture.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimiting:Store", store);
        builder.UseSetting("RateLimiting:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:PerSecond", "1");
    });

    private static async Task<(int Allowed, double Seconds)> AlternateAsync(WebApplicationFactory<Program> first, WebApplicationFactory<Program> second, int requests)
    {
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        foreach (var client in new[] { a, b })
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.AdminKey);
        }

        var watch = Stopwatch.StartNew();
        var allowed = 0;
        for (var i = 0; i < requests; i++)
        {
            var response = await (i % 2 == 0 ? a : b).GetAsync("/api/v1/reference/provinces");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"request {i}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                allowed++;
                Assert.True(int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture) < Burst);
            }
            else
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            }
        }

        return (allowed, watch.Elapsed.TotalSeconds);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Matchmaking.Benchmarks;

/// <summary>
/// Mixed read/write load from N concurrent clients for T seconds, every outcome recorded. Writes carry an
/// Idempotency-Key and are retried with it on 5xx or a lost connection, as procurement middleware does.
/// At the end every acknowledged write is read back. Prints requests, the status histogram, latencies and
/// the time from the database's restart (read from a file the script writes) to the last failure.
/// </summary>
public static class Soak
{
    private static readonly string[] Kbli = ["24310"];
    private static readonly string[] Casting = ["metal.casting"];

    private sealed record Outcome(double StartedMs, double ElapsedMs, string Status, bool Write, string Kind);

    public static async Task<int> RunAsync(string baseUrl, string key, int clients, int seconds, int databaseDownSeconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var need = await SetUpAsync(http);

        var outcomes = new ConcurrentBag<Outcome>();
        var acknowledged = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var sequence = 0;
            while (clock.Elapsed < end)
            {
                var pick = random.Next(10);
                if (pick < 2)
                {
                    var writeKey = $"soak-{worker}-{sequence++}-{Guid.NewGuid():N}";
                    var body = new { name = $"PT Soak {writeKey}", type = "bumn", sector = "load test", provinceCode = "31" };
                    for (var attempt = 0; attempt < 20 && clock.Elapsed < end + TimeSpan.FromSeconds(30); attempt++)
                    {
                        var (status, location) = await SendAsync(http, outcomes, clock, true, "create (idempotent)", () =>
                        {
                            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/buyers") { Content = JsonContent.Create(body) };
                            request.Headers.Add("Idempotency-Key", writeKey);
                            return request;
                        });
                        if (status == "201")
                        {
                            acknowledged.Add(location!);
                            break;
                        }

                        if (status.StartsWith('4') && status != "409" && status != "429")
                        {
                            break;
                        }

                        await Task.Delay(500);
                    }
                }
                else
                {
                    // The reference list is the floor: keyed and rate-limited like the rest, but served from memory.
                    var (kind, path) = pick switch
                    {
                        < 6 => ("supplier list", "/api/v1/suppliers?pageSize=50"),
                        < 8 => ("match page", $"/api/v1/needs/{need}/matches?pageSize=50"),
                        _ => ("reference (floor)", "/api/v1/reference/provinces"),
                    };
                    await SendAsync(http, outcomes, clock, false, () => new HttpRequestMessage(HttpMethod.Get, path), kind);
                }
            }
        })).ToArray();
        double[]? marks = null;
        if (databaseDownSeconds > 0)
        {
            // The script says how: SOAK_DB_STOP / SOAK_DB_START (pg_ctlcluster on this machine).
            await Task.Delay(TimeSpan.FromSeconds(seconds / 3.0));
            var stoppedAt = clock.Elapsed.TotalMilliseconds;
            await ShellAsync(Environment.GetEnvironmentVariable("SOAK_DB_STOP")!);
            await Task.Delay(TimeSpan.FromSeconds(databaseDownSeconds));
            await ShellAsync(Environment.GetEnvironmentVariable("SOAK_DB_START")!);
            marks = [stoppedAt, clock.Elapsed.TotalMilliseconds];
        }

        await Task.WhenAll(workers);

        var readable = 0;
        foreach (var location in acknowledged)
        {
            using var check = await http.GetAsync(location);
            readable += check.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Report(outcomes.ToList(), acknowledged.Count, readable, clients, seconds, marks);
        return 0;
    }

    private static Task<(string Status, string? Location)> SendAsync(
        HttpClient http, ConcurrentBag<Outcome> outcomes, Stopwatch clock, bool write, Func<HttpRequestMessage> build, string kind) =>
        SendAsync(http, outcomes, clock, write, kind, build);

    private static async Task<(string Status, string? Location)> SendAsync(
        HttpClient http, ConcurrentBag<Outcome> outcomes, Stopwatch clock, bool write, string kind, Func<HttpRequestMessage> build)
    {
        var started = clock.Elapsed.TotalMilliseconds;
        string status;
        string? location = null;
        try
        {
            using var request = build();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if ((int)response.StatusCode == 503 && response.Headers.RetryAfter is null)
            {
                status = "503-without-Retry-After";
            }

            location = response.Headers.Location?.ToString();
        }
        catch (TaskCanceledException)
        {
            status = "timeout";
        }
        catch (HttpRequestException)
        {
            status = "socket-error";
        }

        outcomes.Add(new Outcome(started, clock.Elapsed.TotalMilliseconds - started, status, write, kind));
        return (status, location);
    }

    private static async Task ShellAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]))!;
        await process.WaitForExitAsync();
    }

    private static async Task<Guid> SetUpAsync(HttpClient http)
    {
        var buyer = await PostAsync(http, "/api/v1/buyers", new { name = "PT Soak Buyer", type = "bumn", sector = "electricity", provinceCode = "33" });
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(http, "/api/v1/suppliers", new
            {
                name = $"CV Soak {i}",
                nib = $"91299{i:D8}",
                legalForm = "cv",
                businessCapitalIdr = 800_000_000,
                annualRevenueIdr = 3_000_000_000,
                provinceCode = "33",
                location = new { latitude = -7.7 + (i * 0.01), longitude = 110.6 },
                kbliCodes = Kbli,
                capabilities = new[] { new { code = "metal.casting.iron", monthlyCapacity = 1000 + i, unit = "pcs" } },
                tkdnPercent = 40,
                employees = 10,
            }, allowConflict: true);
        }

        var need = await PostAsync(http, "/api/v1/needs", new
        {
            buyerId = buyer,
            title = "Soak need",
            capabilityCodes = Casting,
            quantity = 1000,
            unit = "pcs",
            neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            deliveryLocation = new { latitude = -7.7, longitude = 110.6 },
            deliveryProvinceCode = "33",
        });
        (await http.PostAsync($"/api/v1/needs/{need}/match-runs", null)).EnsureSuccessStatusCode();
        return need;
    }

    private static async Task<Guid> PostAsync(HttpClient http, string url, object body, bool allowConflict = false)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        if (allowConflict && response.StatusCode == HttpStatusCode.Conflict)
        {
            return Guid.Empty;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Set-up {url} failed: {(int)response.StatusCode} {text}");
        }

        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    private static void Report(List<Outcome> outcomes, int acknowledged, int readable, int clients, int seconds, double[]? marks)
    {
        static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        var latencies = outcomes.Select(o => o.ElapsedMs).Order().ToList();
        Console.WriteLine($"clients={clients} seconds={seconds} requests={outcomes.Count} ({outcomes.Count / (double)seconds:F0}/s), writes attempted={outcomes.Count(o => o.Write)}");
        Console.WriteLine("status histogram: " + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        Console.WriteLine($"latency ms: p50={Percentile(latencies, 0.50):F1} p99={Percentile(latencies, 0.99):F1} max={latencies.LastOrDefault():F1}");
        foreach (var group in outcomes.Where(o => o.Status.StartsWith('2')).GroupBy(o => o.Kind).OrderBy(g => g.Key))
        {
            var sorted = group.Select(o => o.ElapsedMs).Order().ToList();
            Console.WriteLine($"  {group.Key,-20} {sorted.Count,7} ok  p50={Percentile(sorted, 0.50),7:F1}  p99={Percentile(sorted, 0.99),7:F1} ms");
        }
        var failed = outcomes.Where(o => !o.Status.StartsWith('2')).ToList();
        if (failed.Count > 0)
        {
            Console.WriteLine($"failed requests: {failed.Count}, slowest failure {failed.Max(o => o.ElapsedMs):F0} ms, non-503 failures {failed.Count(o => o.Status != "503")}");
        }

        Console.WriteLine($">= 500 responses: {outcomes.Count(o => o.Status.Length == 3 && o.Status[0] == '5')} (of which not 503: {outcomes.Count(o => o.Status.StartsWith('5') && o.Status != "503")}), socket errors/timeouts: {outcomes.Count(o => o.Status is "socket-error" or "timeout")}");
        Console.WriteLine($"acknowledged writes: {acknowledged}, readable afterwards: {readable}, lost: {acknowledged - readable}");
        if (marks is not null)
        {
            var lastFailure = failed.Where(o => o.StartedMs >= marks[1]).Select(o => o.StartedMs + o.ElapsedMs).DefaultIfEmpty(marks[1]).Max();
            Console.WriteLine($"database down {(marks[1] - marks[0]) / 1000:F1} s; last failed request ended {(lastFailure - marks[1]) / 1000:F2} s after it was back");
        }
    }
}

using System.Globalization;
using System.Text;
using Matchmaking.Application.Matching;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Matchmaking.Domain.Reference;
using Matchmaking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Matchmaking.Infrastructure.Matching;

/// <summary>
/// One statement over supplier_match_profiles (migration MatchProfiles): a parallel scan computes, per
/// supplier within near-miss reach, how many hard constraints it fails and its score with the same
/// floating-point operations, in the same order, as <see cref="Scoring"/> and <see cref="ScoreComponents.ScoreWith"/>;
/// the qualifying and the near misses are kept in memory inside PostgreSQL, and only the best of each (with
/// ties) and three totals come back. Every value in the SQL is a number or a date formatted here, never text
/// from a client, so the statement is printed as is for psql by the benchmark.
/// </summary>
public sealed class PostgresCandidateRanker(ApplicationDbContext db, ReferenceCatalog catalog) : ICandidateRanker
{
    public async Task<CandidateRanking> RankAsync(Need need, DateOnly today, int matches, int nearMisses, CancellationToken cancellationToken)
    {
        var sql = Sql(need, today, matches, nearMisses, CapabilityBits.Of(catalog));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var qualifying = 0;
            var nearMissCount = 0;
            var deliversAll = false;
            var best = new List<RankedSupplier>();
            var near = new List<RankedSupplier>();
            while (await reader.ReadAsync(cancellationToken))
            {
                qualifying = (int)reader.GetInt64(3);
                nearMissCount = (int)reader.GetInt64(4);
                deliversAll = reader.GetBoolean(5);
                if (reader.IsDBNull(0))
                {
                    continue;
                }

                var ranked = new RankedSupplier(reader.GetGuid(1), reader.GetDouble(2));
                (reader.GetInt32(0) == 0 ? best : near).Add(ranked);
            }

            return new CandidateRanking(qualifying, nearMissCount, deliversAll, best, near);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The statement for a need; <paramref name="bits"/> maps each taxonomy code to its bit in the profile masks.</summary>
    public static string Sql(Need need, DateOnly today, int matches, int nearMisses, IReadOnlyDictionary<string, int> bits)
    {
        var codes = need.CapabilityCodes;
        var months = Scoring.MonthsUntil(today, need.NeededBy);
        var quantity = (double)need.Quantity;
        var w = need.Weights;

        // Capability fit: the mean of 1 (exact), 0.85 (a descendant) or 0 per needed code; monthly capacity: the least over the needed codes.
        var fit = codes.Count == 0 ? "1::float8" : "(" + string.Join(" + ", codes.Select(code =>
            $"(CASE WHEN p.exact & {Mask(bits, code)} <> 0 THEN {F(Scoring.ExactFit)} WHEN p.covered & {Mask(bits, code)} <> 0 THEN {F(Scoring.DescendantFit)} ELSE 0::float8 END)"))
            + $") / {F(codes.Count)}";
        var monthly = codes.Count == 0 ? "0::float8" : Least(codes.Select(code =>
            $"CASE WHEN p.covered & {Mask(bits, code)} <> 0 THEN coalesce(p.capacity[1 + bit_count((p.covered & {Mask(bits, code) - 1})::bit(64))], 0::float8) ELSE 0::float8 END"));

        // Cheap failures first (bits, dates, numbers); the distance, which needs trigonometry, only for suppliers failing at most one of those.
        var cheap = new List<string>();
        cheap.AddRange(codes.Select(code => $"(p.covered & {Mask(bits, code)} = 0)::int"));
        cheap.AddRange(need.RequiredCertifications.Select(scheme =>
            $"((p.certified_{scheme.ToString().ToLowerInvariant()} @> DATE '{need.NeededBy:yyyy-MM-dd}') IS NOT TRUE)::int"));
        if (need.MinTkdnPercent is { } minTkdn)
        {
            cheap.Add($"(p.tkdn IS NULL OR p.tkdn < {F((double)minTkdn)})::int");
        }

        if (need.UmkOnly)
        {
            cheap.Add("(NOT p.umk)::int");
        }

        var reach = new StringBuilder("p.active");
        foreach (var family in codes.Select(code => code.Split('.')[0]).Distinct(StringComparer.Ordinal))
        {
            reach.Append(CultureInfo.InvariantCulture, $" AND p.covered & {Mask(bits, family)} <> 0");
        }

        var latitude = need.DeliveryLocation.Latitude;
        var longitude = need.DeliveryLocation.Longitude;
        var distanceFails = "0";
        if (need.MaxDistanceKm is { } maxKm)
        {
            reach.Append(" AND ").Append(BoundingBox(latitude, longitude, HardConstraints.NearMissDistanceFactor * maxKm));
            reach.Append(CultureInfo.InvariantCulture, $" AND (c.cheap = 0 OR {BoundingBox(latitude, longitude, maxKm)})");
            reach.Append(CultureInfo.InvariantCulture, $" AND d.km <= {F(HardConstraints.NearMissDistanceFactor * maxKm)}");
            distanceFails = $"(d.km > {F(maxKm)})::int";
        }

        // GeoPoint.DistanceKmTo with the supplier as the origin, operation for operation.
        var cosDelivery = Math.Cos(Radians(latitude));
        var km = $"{F(2 * Domain.Common.GeoPoint.EarthRadiusKm)} * asin(least(1::float8, sqrt(power(sin((({F(latitude)} - p.latitude) * {F(Math.PI)} / 180::float8) / 2::float8), 2::float8)"
            + $" + ((cos(p.latitude * {F(Math.PI)} / 180::float8) * {F(cosDelivery)}) * power(sin((({F(longitude)} - p.longitude) * {F(Math.PI)} / 180::float8) / 2::float8), 2::float8)))))";
        var proximity = $"exp({F(-Math.Log(2))} * greatest(0::float8, d.km) / {F(Scoring.ProximityHalfDistanceKm)})";
        var trackRecord = $"(({F(Scoring.TrackRecordPrior * Scoring.TrackRecordPriorWeight)} + ((CASE WHEN p.completed_count = 0 THEN 0::float8 ELSE least(greatest((p.average_rating - 1::float8) / 4::float8, 0::float8), 1::float8) END) * p.completed_count))"
            + $" / ({F(Scoring.TrackRecordPriorWeight)} + p.completed_count))";
        var localContent = "least(greatest(coalesce(p.tkdn, 0::float8) / 100::float8, 0::float8), 1::float8)";
        var capacity = quantity <= 0 ? "1::float8" : $"least(greatest(f.monthly * {F(months)} / {F(quantity)}, 0::float8), 1::float8)";
        var weighted = $"100::float8 * ((((({F(w.Capability)} * {fit}) + ({F(w.Capacity)} * {capacity})) + ({F(w.Proximity)} * {proximity})) + ({F(w.TrackRecord)} * {trackRecord})) + ({F(w.LocalContent)} * {localContent}))";
        var cheapSum = cheap.Count == 0 ? "0" : string.Join(" + ", cheap);

        return $"""
            WITH candidates AS MATERIALIZED (
                SELECT p.supplier_id, f.fails, f.monthly * {F(months)} AS deliverable, {weighted} AS y
                FROM supplier_match_profiles p
                CROSS JOIN LATERAL (SELECT {cheapSum} AS cheap) c
                CROSS JOIN LATERAL (SELECT {km} AS km) d
                CROSS JOIN LATERAL (SELECT c.cheap + {distanceFails} AS fails, {monthly} AS monthly) f
                WHERE {reach} AND c.cheap <= 1 AND f.fails <= 1),
            totals AS (
                SELECT count(*) FILTER (WHERE fails = 0) AS qualifying, count(*) FILTER (WHERE fails = 1) AS near_misses,
                       coalesce(bool_or(deliverable >= {F(quantity)}) FILTER (WHERE fails = 0), false) AS delivers_all
                FROM candidates),
            -- The last one wanted of each list (or every candidate when there are fewer); its rounded score is the cut.
            cut AS MATERIALIZED (
                SELECT coalesce((SELECT y FROM candidates WHERE fails = 0 ORDER BY y DESC LIMIT 1 OFFSET {matches - 1}), 0::float8) AS best,
                       coalesce((SELECT y FROM candidates WHERE fails = 1 ORDER BY y DESC LIMIT 1 OFFSET {nearMisses - 1}), 0::float8) AS near),
            scores AS MATERIALIZED (SELECT best, near, {Round("best")} AS best_score, {Round("near")} AS near_score FROM cut)
            SELECT r.fails, r.supplier_id, {Round("r.y")} AS score, t.qualifying, t.near_misses, t.delivers_all
            FROM totals t CROSS JOIN scores c LEFT JOIN candidates r ON
                -- y within 0.1 of the cut first (cheap), then the rounded comparison
                (r.fails = 0 AND r.y >= c.best - 0.1::float8 AND {Round("r.y")} >= c.best_score)
                OR (r.fails = 1 AND r.y >= c.near - 0.1::float8 AND {Round("r.y")} >= c.near_score)
            """;
    }

    /// <summary>Math.Round(y, 1, MidpointRounding.AwayFromZero) as .NET computes it: y × 10, away from zero when the fraction is ≥ 0.5, ÷ 10.</summary>
    private static string Round(string y) =>
        $"((trunc({y} * 10::float8) + ({y} * 10::float8 - trunc({y} * 10::float8) >= 0.5::float8)::int) / 10::float8)";

    private static string Least(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : $"least({string.Join(", ", list)})";
    }

    /// <summary>A box that holds every point within <paramref name="km"/> (degrees widened, never narrowed); only a prefilter.</summary>
    private static string BoundingBox(double latitude, double longitude, double km)
    {
        const double KmPerDegree = 111.0;
        var dLat = km / KmPerDegree;
        var dLon = km / (KmPerDegree * Math.Cos(Radians(Math.Min(89, Math.Abs(latitude) + dLat))));
        return $"p.latitude BETWEEN {F(latitude - dLat)} AND {F(latitude + dLat)} AND p.longitude BETWEEN {F(longitude - dLon)} AND {F(longitude + dLon)}";
    }

    private static long Mask(IReadOnlyDictionary<string, int> bits, string code) => 1L << bits[code];

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>A double as a float8 literal that reads back to the same bits.</summary>
    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::float8";
}

/// <summary>
/// The bit of each taxonomy code in the profile masks: codes in ordinal order, as migration MatchProfiles
/// numbers them (ORDER BY code COLLATE "C").
/// </summary>
public static class CapabilityBits
{
    private static IReadOnlyDictionary<string, int>? _bits;

    public static IReadOnlyDictionary<string, int> Of(ReferenceCatalog catalog) =>
        _bits ??= catalog.Capabilities.Select(c => c.Code).Order(StringComparer.Ordinal)
            .Select((code, index) => (code, index)).ToDictionary(x => x.code, x => x.index, StringComparer.Ordinal);
}

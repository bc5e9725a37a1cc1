using System.Buffers.Binary;
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
/// One statement over supplier_match_profiles (migrations MatchProfiles and RankingBounds; docs/decisions/0005
/// and 0011). It first scores a 1% page sample to guess, per list, a score the wanted best clear (a few times
/// more of them than wanted). One parallel scan then counts, per supplier within near-miss reach, the hard
/// constraints it fails, and scores exactly (the same floating-point operations, in the same order, as
/// <see cref="Scoring"/> and <see cref="ScoreComponents.ScoreWith"/>) only the suppliers whose cheap upper bound
/// reaches that guess; each worker collects those that clear it, so only they and the totals come back. When the
/// guess was too high to hold every tie of the last wanted score, the scan runs again with a lower bar.
/// A need for codes below their family reads only the suppliers covering them, through the covered_bits index
/// (<see cref="Reach"/>, docs/decisions/0014).
/// Every value in the SQL is a number or a date formatted here, never text from a client, so the statement is
/// printed as is for psql by the benchmark.
/// </summary>
public sealed class PostgresCandidateRanker(ApplicationDbContext db, ReferenceCatalog catalog) : ICandidateRanker
{
    /// <summary>Pages of the profiles the guess is made from.</summary>
    public const double SamplePercent = 1;

    public Task<CandidateRanking> RankAsync(Need need, DateOnly today, int matches, int nearMisses, CancellationToken cancellationToken) =>
        RankAsync(need, today, matches, nearMisses, null, cancellationToken);

    /// <param name="firstBars">The bars of the first scan; null guesses them from the sample.</param>
    public async Task<CandidateRanking> RankAsync(Need need, DateOnly today, int matches, int nearMisses, Bars? firstBars, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var reach = ReachOf(need);
            var narrowFamily = reach == Reach.EveryCode && await FamilyIsNarrowAsync(connection, need, cancellationToken);
            var ranking = await RankWithinAsync(connection, need, today, matches, nearMisses, firstBars, reach, narrowFamily, cancellationToken);
            if (reach != Reach.EveryCode || nearMisses <= 0 || (ranking.NearMisses.Count >= nearMisses && ranking.NearMisses.Min(n => n.Score) > LackingTheCodeBound(need) + 0.1))
            {
                return ranking;
            }

            // Too few near misses cover the code to fill the list (they all came back): the best of those lacking it are ranked
            // apart, and the list is the best of both.
            if (ranking.NearMisses.Count < nearMisses)
            {
                var lackingBest = await RankWithinAsync(connection, need, today, 1, nearMisses, firstBars, Reach.LackingTheCode, narrowFamily, cancellationToken);
                return ranking with { NearMisses = BestOf(ranking.NearMisses.Concat(lackingBest.NearMisses), nearMisses), Scans = ranking.Scans + lackingBest.Scans };
            }

            // The list is full: a supplier lacking the code belongs in it only with a score rounding to at least its last one's,
            // so only those scoring above the last one's less 0.1 are looked for, and merged in.
            var last = ranking.NearMisses.Min(n => n.Score);
            var lacking = await RowsAsync(connection, LackingTheCodeSql(need, today, CapabilityBits.Of(catalog), last - 0.1, narrowFamily), cancellationToken);
            return ranking with
            {
                NearMisses = BestOf(ranking.NearMisses.Concat(lacking.Select(l => new RankedSupplier(l.Id, Rounded(l.Y)))), nearMisses),
                Scans = ranking.Scans + 1,
            };
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The best <paramref name="wanted"/> with every tie of the last one, from lists that each hold everything scoring
    /// at least as well as their own last one.
    /// </summary>
    private static List<RankedSupplier> BestOf(IEnumerable<RankedSupplier> found, int wanted)
    {
        var sorted = found.OrderByDescending(n => n.Score).ToList();
        return sorted.Count <= wanted ? sorted : [.. sorted.TakeWhile(n => n.Score >= sorted[wanted - 1].Score)];
    }

    /// <summary>What the scan reads (docs/decisions/0014).</summary>
    public enum Reach
    {
        /// <summary>Every active profile in near-miss reach: a need naming a whole family, which most suppliers cover.</summary>
        Everyone,

        /// <summary>
        /// Through the covered_bits index, the profiles covering at least one needed code: a need for two or more codes
        /// below their families. A supplier failing at most one constraint covers all but one of them, so nothing is lost.
        /// </summary>
        SomeCode,

        /// <summary>
        /// Through the covered_bits index, the profiles covering the one needed code (below its family); the near misses
        /// lacking it are counted up to the limit. They score at most <see cref="LackingTheCodeBound"/>. When the near
        /// misses found fill the list above that, it is theirs; when it is full, those lacking the code that could still
        /// enter it are looked for by <see cref="LackingTheCodeSql"/>; when it is not full, they are ranked apart (<see cref="LackingTheCode"/>).
        /// </summary>
        EveryCode,

        /// <summary>
        /// Only the near misses lacking the one code, within the distance and meeting everything else: ranked apart when
        /// too few suppliers covering the code fail one constraint to fill the near-miss list.
        /// </summary>
        LackingTheCode,
    }

    public static Reach ReachOf(Need need) =>
        need.CapabilityCodes.Count == 0 || need.CapabilityCodes.Any(code => !code.Contains('.', StringComparison.Ordinal)) ? Reach.Everyone
        : need.CapabilityCodes.Count == 1 ? Reach.EveryCode
        : Reach.SomeCode;

    /// <summary>
    /// The most a supplier lacking a need's one code can score: no capability fit, no capacity for it (with a quantity
    /// to deliver), and the other components whole; a millionth of a point more for floating-point.
    /// </summary>
    public static double LackingTheCodeBound(Need need) =>
        (100 * ((need.Quantity <= 0 ? need.Weights.Capacity : 0) + need.Weights.Proximity + need.Weights.TrackRecord + need.Weights.LocalContent)) + 0.000001;

    /// <summary>
    /// Whether few enough suppliers cover the need's family (at most <see cref="NarrowFamilyShare"/>, by the planner's
    /// statistics of covered_bits) that those lacking its code are best found through the index on the family's bit; a
    /// broader family is scanned, where a count stops early. A bit missing from the statistics' common elements is rare.
    /// </summary>
    private async Task<bool> FamilyIsNarrowAsync(NpgsqlConnection connection, Need need, CancellationToken cancellationToken)
    {
        // The bit is a number from the catalog, written into the statement like every value in the ranking's (psql runs them as sent).
        var bit = CapabilityBits.Of(catalog)[need.CapabilityCodes[0].Split('.')[0]];
        await using var command = new NpgsqlCommand(
            $"""
            SELECT u.share FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::int[], s.most_common_elem_freqs) AS u (bit, share)
            WHERE s.schemaname = current_schema() AND s.tablename = 'supplier_match_profiles' AND s.attname = 'covered_bits' AND u.bit = {bit.ToString(CultureInfo.InvariantCulture)}
            """, connection, Transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is not float share || share <= NarrowFamilyShare;
    }

    /// <summary>Above this share of suppliers, a read through the index visits nearly every page anyway.</summary>
    private const double NarrowFamilyShare = 0.3;

    private async Task<CandidateRanking> RankWithinAsync(
        NpgsqlConnection connection, Need need, DateOnly today, int matches, int nearMisses, Bars? firstBars, Reach reach, bool narrowFamily,
        CancellationToken cancellationToken)
    {
        var bars = firstBars;
        for (var scans = 1; ; scans++)
        {
            var pass = await ScanAsync(connection, Transaction,
                Sql(need, today, matches, nearMisses, CapabilityBits.Of(catalog), bars, reach, narrowFamily), cancellationToken);
            var best = Best(pass.Qualified, pass.Qualifying, matches, pass.Bars.Matches);
            var near = Best(pass.Near, pass.NearMissCount, nearMisses, pass.Bars.NearMisses);
            if (best is not null && near is not null)
            {
                var nearMissCount = (int)Math.Min(CandidateRanking.NearMissCountLimit, (long)pass.NearMissCount + pass.LackingTheCode);
                return new CandidateRanking(pass.Qualifying, nearMissCount, pass.DeliversAll, best, near, scans, reach == Reach.EveryCode);
            }

            bars = new Bars(best is null ? Lower(pass.Bars.Matches) : pass.Bars.Matches, near is null ? Lower(pass.Bars.NearMisses) : pass.Bars.NearMisses);
        }
    }

    private NpgsqlTransaction? Transaction => (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>The bar per list: a supplier is scored exactly and comes back only when its unrounded score reaches it.</summary>
    public sealed record Bars(double Matches, double NearMisses);

    /// <param name="NearMissCount">The near misses the scan read (with <see cref="Reach.EveryCode"/>, not those lacking the code).</param>
    /// <param name="LackingTheCode">With <see cref="Reach.EveryCode"/>, the near misses lacking the code, counted until the two counts reach the limit.</param>
    private sealed record Pass(
        int Qualifying, int NearMissCount, int LackingTheCode, bool DeliversAll, Bars Bars, List<(Guid Id, double Y)> Qualified, List<(Guid Id, double Y)> Near);

    private async Task<List<(Guid Id, double Y)>> RowsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, Transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid Id, double Y)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }

        return rows;
    }

    private static async Task<Pass> ScanAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Pass? pass = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            pass ??= new Pass((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetBoolean(3),
                new Bars(reader.GetDouble(4), reader.GetDouble(5)), [], []);
            if (!reader.IsDBNull(6))
            {
                (reader.GetInt32(6) == 0 ? pass.Qualified : pass.Near).Add((reader.GetGuid(7), reader.GetDouble(8)));
            }
        }

        return pass ?? throw new InvalidOperationException("The ranking statement returned no totals.");
    }

    /// <summary>
    /// The best <paramref name="wanted"/> by score with every tie of the last one; null when the rows that cleared
    /// <paramref name="bar"/> cannot prove it (fewer than wanted while others exist, or the last score's ties may lie below the bar).
    /// </summary>
    private static List<RankedSupplier>? Best(List<(Guid Id, double Y)> cleared, int total, int wanted, double bar)
    {
        cleared.Sort((a, b) => b.Y.CompareTo(a.Y));
        if (cleared.Count < wanted)
        {
            return cleared.Count == total || double.IsNegativeInfinity(bar) ? [.. cleared.Select(c => new RankedSupplier(c.Id, Rounded(c.Y)))] : null;
        }

        // A score rounds to the last one's only from above last - 0.05; 0.1 of headroom covers the floating-point edges.
        var last = Rounded(cleared[wanted - 1].Y);
        if (last - 0.1 < bar && !double.IsNegativeInfinity(bar) && cleared.Count < total)
        {
            return null;
        }

        return [.. cleared.TakeWhile(c => Rounded(c.Y) >= last).Select(c => new RankedSupplier(c.Id, Rounded(c.Y)))];
    }

    /// <summary>The next bar after one that held too few: 10 then 30 points lower, then every candidate.</summary>
    private static double Lower(double bar) => bar switch
    {
        double.NegativeInfinity => bar,
        _ when bar > 30 => bar - (bar > 60 ? 10 : 30),
        _ => double.NegativeInfinity,
    };

    private static double Rounded(double y) => Math.Round(y, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The statement for a need; <paramref name="bits"/> maps each taxonomy code to its bit in the profile masks.
    /// Without <paramref name="bars"/> they are guessed from the sample.
    /// </summary>
    /// <param name="narrowFamily">Whether those lacking a one-code need's code are read through the index on the family's bit.</param>
    public static string Sql(
        Need need, DateOnly today, int matches, int nearMisses, IReadOnlyDictionary<string, int> bits, Bars? bars = null, Reach reach = Reach.Everyone,
        bool narrowFamily = false) =>
        Statement(need, today, matches, nearMisses, bits, bars, reach, narrowFamily, null);

    /// <summary>
    /// For a need of one code: the near misses lacking it whose unrounded score reaches <paramref name="from"/>. Only a
    /// supplier whose track record and local content could still make up the score is tested, which the index on them finds.
    /// </summary>
    public static string LackingTheCodeSql(Need need, DateOnly today, IReadOnlyDictionary<string, int> bits, double from, bool narrowFamily = false) =>
        Statement(need, today, 0, 0, bits, null, Reach.EveryCode, narrowFamily, from);

    private static string Statement(
        Need need, DateOnly today, int matches, int nearMisses, IReadOnlyDictionary<string, int> bits, Bars? bars, Reach reach, bool narrowFamily, double? lackingFrom)
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

        // Cheap failures first (bits, dates, numbers); the distance only for suppliers failing at most one of those.
        // A one-code need tests the code apart: read through the index every supplier covers it, and those lacking it are counted apart.
        var cheap = new List<string>();
        var lackingTheCode = reach is Reach.EveryCode or Reach.LackingTheCode ? codes.Select(code => $"p.covered & {Mask(bits, code)} = 0").Single() : null;
        if (lackingTheCode is null)
        {
            cheap.AddRange(codes.Select(code => $"(p.covered & {Mask(bits, code)} = 0)::int"));
        }

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

        var families = codes.Select(code => code.Split('.')[0]).Distinct(StringComparer.Ordinal).ToList();
        var withinFamilies = WithinFamilies(need, bits);

        // Those lacking the one code are found through the index on their family's bit when the family is narrow.
        var lackingWithinFamilies = narrowFamily
            ? $"p.active AND p.covered_bits @> ARRAY[{string.Join(", ", families.Select(f => bits[f].ToString(CultureInfo.InvariantCulture)))}]"
            : withinFamilies;
        var where = new StringBuilder(Read(need, bits, reach));

        var latitude = need.DeliveryLocation.Latitude;
        var longitude = need.DeliveryLocation.Longitude;

        // GeoPoint.DistanceKmTo with the supplier as the origin, operation for operation.
        var cosDelivery = Math.Cos(Radians(latitude));
        var km = $"({F(2 * Domain.Common.GeoPoint.EarthRadiusKm)} * asin(least(1::float8, sqrt(power(sin((({F(latitude)} - p.latitude) * {F(Math.PI)} / 180::float8) / 2::float8), 2::float8)"
            + $" + ((cos(p.latitude * {F(Math.PI)} / 180::float8) * {F(cosDelivery)}) * power(sin((({F(longitude)} - p.longitude) * {F(Math.PI)} / 180::float8) / 2::float8), 2::float8))))))";

        // The squared chord between the unit vectors: no trigonometry, and never more than the great-circle distance.
        var (x, y, z) = (Math.Cos(Radians(latitude)) * Math.Cos(Radians(longitude)), Math.Cos(Radians(latitude)) * Math.Sin(Radians(longitude)), Math.Sin(Radians(latitude)));
        var chord2 = $"((p.ux - {F(x)}) * (p.ux - {F(x)}) + (p.uy - {F(y)}) * (p.uy - {F(y)}) + (p.uz - {F(z)}) * (p.uz - {F(z)}))";

        string? distanceFails = null;
        var withinTheDistance = "";
        if (need.MaxDistanceKm is { } maxKm)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND (c.cheap = 0 OR {BoundingBox(latitude, longitude, maxKm)})");
            where.Append(" AND ").Append(Within(chord2, km, HardConstraints.NearMissDistanceFactor * maxKm));
            distanceFails = $"(NOT {Within(chord2, km, maxKm)})::int";
            withinTheDistance = $" AND {BoundingBox(latitude, longitude, maxKm)} AND {Within(chord2, km, maxKm)}";
        }

        var proximity = $"exp({F(-Math.Log(2))} * greatest(0::float8, {km}) / {F(Scoring.ProximityHalfDistanceKm)})";
        var capacity = quantity <= 0 ? "1::float8" : $"least(greatest(f.monthly * {F(months)} / {F(quantity)}, 0::float8), 1::float8)";
        var weighted = Weighted(w, fit, capacity, proximity);

        // At least the score: the largest capacity for the needed codes', the chord for the distance, a millionth of a point for rounding.
        // A needed code not covered makes the capacity 0 (the near misses missing a capability).
        var everyCodeCovered = codes.Count == 0 ? "false" : string.Join(" AND ", codes.Select(code => $"p.covered & {Mask(bits, code)} <> 0"));
        var capacityBound = quantity <= 0 ? "1::float8"
            : $"(CASE WHEN {everyCodeCovered} THEN least(greatest(p.capacity_max * {F(months)} / {F(quantity)}, 0::float8), 1::float8) ELSE 0::float8 END)";
        var proximityBound = $"exp({F(-Math.Log(2))} * ({F(Domain.Common.GeoPoint.EarthRadiusKm)} * sqrt({chord2})) / {F(Scoring.ProximityHalfDistanceKm)})";
        var bound = $"{Weighted(w, fit, capacityBound, proximityBound)} + 0.000001::float8";
        var cheapSum = cheap.Count == 0 ? "0" : string.Join(" + ", cheap);
        var lackingOnly = $"{lackingWithinFamilies} AND {lackingTheCode} AND {cheapSum} = 0{withinTheDistance}";
        if (lackingFrom is { } from)
        {
            return $"""
                SELECT p.supplier_id, {weighted} AS y
                FROM supplier_match_profiles p
                CROSS JOIN LATERAL (SELECT {monthly} AS monthly) f
                WHERE {lackingOnly}{CouldReach(need, from)} AND {weighted} >= {F(from)}
                """;
        }

        // PostgreSQL evaluates fails again at each mention; without a distance limit it is the cheap count, tested once.
        var fails = reach == Reach.LackingTheCode ? "1" : distanceFails is null ? "c.cheap" : $"c.cheap + {distanceFails}";
        var failsAtMostOne = reach == Reach.LackingTheCode ? "true" : distanceFails is null ? "c.cheap <= 1" : "c.cheap <= 1 AND f.fails <= 1";
        var scanned = reach == Reach.LackingTheCode ? lackingOnly : where.ToString();
        string Scored(string profiles) => $"""
            SELECT p.supplier_id, f.fails, f.monthly, p.capacity_max, {weighted} AS y, {bound} AS bound
                FROM {profiles}
                CROSS JOIN LATERAL (SELECT {cheapSum} AS cheap) c
                CROSS JOIN LATERAL (SELECT {fails} AS fails, {monthly} AS monthly) f
                WHERE {scanned} AND {failsAtMostOne}
            """;

        var barsSql = bars is null
            ? $"""
              sampled AS MATERIALIZED (SELECT s.fails, s.y FROM ({Scored($"supplier_match_profiles p TABLESAMPLE SYSTEM ({F(SamplePercent)}) REPEATABLE ({SampleSeed(need.Id)})")}) s),
              bars AS MATERIALIZED (
                  SELECT coalesce((SELECT y FROM sampled WHERE fails = 0 ORDER BY y DESC LIMIT 1 OFFSET {SampleRank(matches) - 1}), '-Infinity'::float8) AS matches,
                         coalesce((SELECT y FROM sampled WHERE fails = 1 ORDER BY y DESC LIMIT 1 OFFSET {SampleRank(nearMisses) - 1}), '-Infinity'::float8) AS near_misses)
              """
            : $"bars AS MATERIALIZED (SELECT {F(bars.Matches)} AS matches, {F(bars.NearMisses)} AS near_misses)";
        var bar = "CASE WHEN s.fails = 0 THEN (SELECT matches FROM bars) ELSE (SELECT near_misses FROM bars) END";
        var lowestBar = "least((SELECT matches FROM bars), (SELECT near_misses FROM bars))";

        // The near misses lacking the one code: a count over the rows that meet everything else, stopping where the count
        // reaches the limit. When those covering the code reach it alone, LIMIT 0 never starts the scan.
        var lackingCount = reach != Reach.EveryCode ? "0::bigint" : $"""
            (SELECT count(*) FROM (SELECT FROM supplier_match_profiles p
                WHERE {lackingOnly} LIMIT greatest(0, {CandidateRanking.NearMissCountLimit} - (SELECT near_misses FROM totals))) l)
            """;

        // fails is an expression PostgreSQL evaluates again at every mention, so each row mentions it as few times as it can:
        // fails is 0 or 1 here, so one sum counts the near misses, and a row's own bar is looked at only when it reaches the lower one.
        return $"""
            WITH {barsSql},
            totals AS (
                SELECT count(*) - coalesce(sum(s.fails), 0) AS qualifying, coalesce(sum(s.fails), 0) AS near_misses,
                       coalesce(bool_or(s.capacity_max * {F(months)} >= {F(quantity)} AND s.monthly * {F(months)} >= {F(quantity)} AND s.fails = 0), false) AS delivers_all,
                       array_collect(row(s.fails, s.supplier_id, s.y)) FILTER (WHERE s.bound >= {lowestBar} AND s.bound >= {bar} AND s.y >= {bar}) AS cleared
                FROM ({Scored("supplier_match_profiles p")}) s)
            SELECT t.qualifying, t.near_misses, {lackingCount} AS lacking_the_code, t.delivers_all, b.matches, b.near_misses, r.fails, r.supplier_id, r.y
            FROM totals t CROSS JOIN bars b LEFT JOIN LATERAL unnest(t.cleared) AS r (fails int, supplier_id uuid, y float8) ON true
            """;
    }

    /// <summary>Active profiles covering each family of the need's codes (every profile, for a need without codes).</summary>
    private static string WithinFamilies(Need need, IReadOnlyDictionary<string, int> bits) =>
        string.Concat(need.CapabilityCodes.Select(code => code.Split('.')[0]).Distinct(StringComparer.Ordinal)
            .Select(family => $" AND p.covered & {Mask(bits, family)} <> 0").Prepend("p.active"));

    /// <summary>
    /// The rows a ranking statement reads before it tests anything costly: those within the families, through the
    /// covered_bits index for <see cref="Reach.EveryCode"/> and <see cref="Reach.SomeCode"/>, in the box of the near-miss distance.
    /// </summary>
    private static string Read(Need need, IReadOnlyDictionary<string, int> bits, Reach reach)
    {
        var neededBits = string.Join(", ", need.CapabilityCodes.Select(code => bits[code].ToString(CultureInfo.InvariantCulture)));
        var read = WithinFamilies(need, bits) + reach switch
        {
            Reach.EveryCode => $" AND p.covered_bits @> ARRAY[{neededBits}]",
            Reach.SomeCode => $" AND p.covered_bits && ARRAY[{neededBits}]",
            _ => "",
        };
        return need.MaxDistanceKm is { } maxKm
            ? $"{read} AND {BoundingBox(need.DeliveryLocation.Latitude, need.DeliveryLocation.Longitude, HardConstraints.NearMissDistanceFactor * maxKm)}"
            : read;
    }

    /// <summary>
    /// The benchmark's touch floor: a count of the rows a need's first ranking statement reads, through the same index
    /// or scan, with nothing scored.
    /// </summary>
    public static string TouchFloorSql(Need need, IReadOnlyDictionary<string, int> bits) =>
        $"SELECT count(*) FROM supplier_match_profiles p WHERE {Read(need, bits, ReachOf(need))}";

    /// <summary>
    /// What a supplier lacking the code needs to score <paramref name="from"/>: with proximity (and, without a quantity,
    /// capacity) whole, a track record that makes up the rest with local content whole, and the other way round.
    /// </summary>
    private static string CouldReach(Need need, double from)
    {
        var w = need.Weights;
        var rest = (from / 100) - w.Proximity - (need.Quantity <= 0 ? w.Capacity : 0) - 1e-9;
        var conditions = new StringBuilder();
        if (w.TrackRecord > 0 && rest - w.LocalContent > 0)
        {
            conditions.Append(CultureInfo.InvariantCulture, $" AND p.track_record >= {F((rest - w.LocalContent) / w.TrackRecord)}");
        }

        if (w.LocalContent > 0 && rest - w.TrackRecord > 0)
        {
            conditions.Append(CultureInfo.InvariantCulture, $" AND p.local_content >= {F((rest - w.TrackRecord) / w.LocalContent)}");
        }

        return conditions.ToString();
    }

    /// <summary>
    /// The same pages are sampled for a need every time, so a run over unchanged data sends the same statements
    /// (and the benchmark's floor is what the API sent); the ranking is exact whatever the sample.
    /// </summary>
    private static int SampleSeed(Guid needId) => BinaryPrimitives.ReadInt32LittleEndian(needId.ToByteArray().AsSpan(12)) & int.MaxValue;

    /// <summary>The sampled score a list's bar is set at: five times the wanted share of the sample, at least the tenth.</summary>
    private static int SampleRank(int wanted) => Math.Max(10, (int)Math.Ceiling(5 * wanted * SamplePercent / 100));

    /// <summary>ScoreComponents.ScoreWith before its rounding, operation for operation.</summary>
    private static string Weighted(ScoringWeights w, string fit, string capacity, string proximity) =>
        $"100::float8 * ((((({F(w.Capability)} * {fit}) + ({F(w.Capacity)} * {capacity})) + ({F(w.Proximity)} * {proximity})) + ({F(w.TrackRecord)} * p.track_record)) + ({F(w.LocalContent)} * p.local_content))";

    /// <summary>
    /// Great-circle distance ≤ <paramref name="limitKm"/>, decided by the chord where it is clear by a relative
    /// millionth and by the haversine (<paramref name="km"/>) in the sliver where floating-point could differ.
    /// </summary>
    private static string Within(string chord2, string km, double limitKm)
    {
        var chord = 2 * Math.Sin(limitKm / (2 * Domain.Common.GeoPoint.EarthRadiusKm));
        return $"(CASE WHEN {chord2} <= {F(chord * chord * (1 - 1e-6))} THEN true WHEN {chord2} > {F(chord * chord * (1 + 1e-6))} THEN false ELSE {km} <= {F(limitKm)} END)";
    }

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
    private static string F(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture) + "::float8"
        : $"'{value.ToString(CultureInfo.InvariantCulture)}'::float8";
}

/// <summary>
/// The bit of each taxonomy code in the profile masks: codes in ordinal order, as migration MatchProfiles
/// numbers them (ORDER BY code COLLATE "C").
/// </summary>
public static class CapabilityBits
{
    private static IReadOnlyDictionary<string, int>? _bits;
    private static IReadOnlyDictionary<string, IReadOnlyList<(int Bit, bool Exact)>>? _coverage;

    public static IReadOnlyDictionary<string, int> Of(ReferenceCatalog catalog) =>
        _bits ??= catalog.Capabilities.Select(c => c.Code).Order(StringComparer.Ordinal)
            .Select((code, index) => (code, index)).ToDictionary(x => x.code, x => x.index, StringComparer.Ordinal);

    /// <summary>The bits a code sets, as capability_coverage lists them: its own (exact) and each ancestor's.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(int Bit, bool Exact)>> CoverageOf(ReferenceCatalog catalog)
    {
        if (_coverage is { } known)
        {
            return known;
        }

        var bits = Of(catalog);
        var parents = catalog.Capabilities.ToDictionary(c => c.Code, c => c.ParentCode, StringComparer.Ordinal);
        return _coverage = parents.Keys.ToDictionary(code => code, code =>
        {
            var chain = new List<(int Bit, bool Exact)> { (bits[code], true) };
            for (var parent = parents[code]; parent is not null; parent = parents[parent])
            {
                chain.Add((bits[parent], false));
            }

            return (IReadOnlyList<(int Bit, bool Exact)>)chain;
        }, StringComparer.Ordinal);
    }
}

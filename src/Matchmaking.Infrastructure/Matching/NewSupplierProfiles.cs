using System.Globalization;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Reference;
using Matchmaking.Domain.Suppliers;
using Npgsql;
using NpgsqlTypes;

namespace Matchmaking.Infrastructure.Matching;

/// <summary>
/// Match profiles of suppliers that have just been registered, computed here exactly as
/// refresh_supplier_match_profiles computes them in SQL (migration ProfileCoveredBits), and written by binary COPY.
/// A bulk import writes its new suppliers' profiles this way instead of aggregating the children it has just
/// copied a second time. A new supplier has no partnerships, so it has no track record yet.
/// MatchProfileCopyTests hold both ways equal, column by column.
/// The rows are written in the order of their covered bits, so the suppliers of one code lie on few pages and a
/// match run reading them through the covered_bits index visits those pages only (docs/decisions/0014).
/// </summary>
public static class NewSupplierProfiles
{
    private static readonly CertificationScheme[] Schemes = Enum.GetValues<CertificationScheme>();

    /// <summary>Arrays as PostgreSQL orders them: element by element, a prefix first.</summary>
    private static readonly Comparer<int[]> BitsOrder = Comparer<int[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y));

    private static readonly string Columns = "supplier_id, active, umk, latitude, longitude, tkdn, covered, exact, capacity, capacity_max, "
        + string.Join(", ", Schemes.Select(s => $"certified_{s.ToString().ToLowerInvariant()}")) + ", completed_count, average_rating, covered_bits";

    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Supplier> suppliers, ReferenceCatalog catalog, CancellationToken cancellationToken)
    {
        if (suppliers.Count == 0)
        {
            return;
        }

        var coverage = CapabilityBits.CoverageOf(catalog);
        var rows = suppliers.Select(s => (Supplier: s, Capabilities: Capabilities(s.Capabilities, coverage)))
            .Select(r => (r.Supplier, r.Capabilities, Bits: BitsOf(r.Capabilities.Covered)))
            .OrderBy(r => r.Bits, BitsOrder);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY supplier_match_profiles ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (s, (covered, exact, capacity), bits) in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(s.Active, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(s.Scale is UmkmScale.Micro or UmkmScale.Small, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(s.Location.Latitude, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(s.Location.Longitude, NpgsqlDbType.Double, cancellationToken);
            if (s.TkdnPercent is { } tkdn)
            {
                await importer.WriteAsync(Float8(tkdn), NpgsqlDbType.Double, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await importer.WriteAsync(covered, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(exact, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(capacity, NpgsqlDbType.Array | NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(capacity.Length == 0 ? 0 : capacity.Max(), NpgsqlDbType.Double, cancellationToken);
            foreach (var scheme in Schemes)
            {
                var periods = s.Certifications.Count == 0 ? null : Periods(s.Certifications, scheme);
                if (periods is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(periods, NpgsqlDbType.DateMultirange, cancellationToken);
                }
            }

            await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(0d, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(bits, NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Per covered bit, in bit order: whether a code names it exactly, and the summed monthly capacity of the codes under it.</summary>
    private static (long Covered, long Exact, double[] Capacity) Capabilities(
        IReadOnlyList<SupplierCapability> capabilities, IReadOnlyDictionary<string, IReadOnlyList<(int Bit, bool Exact)>> coverage)
    {
        Span<decimal> sums = stackalloc decimal[64];
        long covered = 0, exact = 0;
        foreach (var capability in capabilities)
        {
            var monthly = Stored(capability.MonthlyCapacity ?? 0);
            foreach (var (bit, isExact) in coverage[capability.Code])
            {
                sums[bit] = (covered & (1L << bit)) == 0 ? monthly : sums[bit] + monthly;
                covered |= 1L << bit;
                exact |= isExact ? 1L << bit : 0;
            }
        }

        var capacity = new double[long.PopCount(covered)];
        for (int bit = 0, next = 0; next < capacity.Length; bit++)
        {
            if ((covered & (1L << bit)) != 0)
            {
                capacity[next++] = Float8(sums[bit]);
            }
        }

        return (covered, exact, capacity);
    }

    /// <summary>The set bits of <paramref name="covered"/>, in ascending order.</summary>
    private static int[] BitsOf(long covered)
    {
        var bits = new int[long.PopCount(covered)];
        for (int bit = 0, next = 0; next < bits.Length; bit++)
        {
            if ((covered & (1L << bit)) != 0)
            {
                bits[next++] = bit;
            }
        }

        return bits;
    }

    /// <summary>The scheme's certificate periods, both ends included, an unknown issue date open below; reversed periods are left out.</summary>
    private static NpgsqlRange<DateOnly>[]? Periods(IReadOnlyList<Certification> certifications, CertificationScheme scheme)
    {
        List<NpgsqlRange<DateOnly>>? periods = null;
        foreach (var c in certifications)
        {
            if (c.Scheme == scheme && (c.IssuedOn is null || c.IssuedOn <= c.ValidUntil))
            {
                (periods ??= []).Add(c.IssuedOn is { } issued
                    ? new NpgsqlRange<DateOnly>(issued, true, false, c.ValidUntil, true, false)
                    : new NpgsqlRange<DateOnly>(default, false, true, c.ValidUntil, true, false));
            }
        }

        return periods?.ToArray();
    }

    /// <summary>The value a numeric column with two decimals stores (PostgreSQL rounds half away from zero).</summary>
    private static decimal Stored(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>numeric::double precision: PostgreSQL prints the numeric and parses the text, correctly rounded, as .NET does.</summary>
    private static double Float8(decimal value) =>
        double.Parse(Stored(value).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
